package org.hearth.comments.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

class GetOrCreateTest {

    @Test
    void aRowInsertedOrChangedByAnotherTransactionIsALostRace() {
        assertTrue(GetOrCreate.isLostRace(new PersistenceException(new SQLIntegrityConstraintViolationException("duplicate key", "23505"))));
        assertTrue(GetOrCreate.isLostRace(new PersistenceException(new OptimisticLockException("changed"))));
        assertTrue(GetOrCreate.isLostRace(new RuntimeException(new SQLException("deadlock", "40001"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(GetOrCreate.isLostRace(new IllegalArgumentException("A thread's title must be 1 to 300 characters")));
        assertFalse(GetOrCreate.isLostRace(new PersistenceException(new SQLException("foreign key", "23503"))));
        assertFalse(GetOrCreate.isLostRace(new PersistenceException(new SQLException("connection refused", "08001"))));
    }
}

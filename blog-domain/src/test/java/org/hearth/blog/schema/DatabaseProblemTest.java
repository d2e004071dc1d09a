package org.hearth.blog.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;

import javax.naming.NameNotFoundException;

import org.junit.jupiter.api.Test;

class DatabaseProblemTest {

    @Test
    void missingResourceNamesTheJndiNameAndHowToCreateIt() {
        var message = DatabaseProblem.describe(new IllegalStateException(new NameNotFoundException("jdbc/hearth not found")));
        assertTrue(message.contains("No JDBC resource jdbc/hearth"), message);
        assertTrue(message.contains("hearth configure"), message);
    }

    @Test
    void wrongPasswordNamesThePoolAndThePasswordAlias() {
        var message = DatabaseProblem.describe(new RuntimeException(
                new SQLException("FATAL: password authentication failed for user \"hearth\"", "28P01")));
        assertTrue(message.contains("refused the user name or password"), message);
        assertTrue(message.contains("hearth-db-password"), message);
    }

    @Test
    void unreachableDatabaseSaysSoWithTheRootCause() {
        var message = DatabaseProblem.describe(new RuntimeException(new SQLException("Connection creation failed",
                new ConnectException("Connection refused"))));
        assertTrue(message.contains("cannot be reached: ConnectException: Connection refused"), message);
    }
}

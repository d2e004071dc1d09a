package org.hearth.comments.schema;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;

/**
 * Tells a failure of the database (out of reach, refusing writes, a commit that could not be written) from a bug, so
 * that callers can answer "temporarily unavailable" ({@code 503}) instead of an error: the JSON API does, and so may a
 * host's pages.
 */
public final class DatabaseFaults {

    private DatabaseFaults() {
    }

    /**
     * Whether this failure, or one of its causes, comes from the database or the transaction that wrote to it: a
     * {@link SQLException}, a {@link PersistenceException}, a commit that failed ({@link TransactionalException},
     * {@link RollbackException}, {@link SystemException}) or the connection pool's {@link ResourceException}, or any
     * failure the server's connection pool threw (GlassFish 8.0.0's pool answers "Resource must be marked busy" for a
     * while after the database dropped its connections).
     */
    public static boolean isDatabaseFault(Throwable problem) {
        for (var cause = problem; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof PersistenceException || cause instanceof RollbackException
                    || cause instanceof SystemException || cause instanceof ResourceException
                    || cause instanceof TransactionalException && cause.getCause() == null || thrownByConnectionPool(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownByConnectionPool(Throwable problem) {
        var trace = problem.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("com.sun.enterprise.resource.pool.");
    }
}

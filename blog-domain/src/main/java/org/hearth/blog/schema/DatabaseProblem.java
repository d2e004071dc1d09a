package org.hearth.blog.schema;

import java.sql.SQLException;
import java.util.Set;

import javax.naming.NamingException;

/** Says in one sentence what keeps Hearth from its database, for the server log: what is missing or refused. */
final class DatabaseProblem {

    /** SQL states of a refused user name or password (PostgreSQL, and the standard's class 28). */
    private static final Set<String> REFUSED_CREDENTIALS = Set.of("28P01", "28000");

    private DatabaseProblem() {
    }

    static String describe(Throwable problem) {
        var naming = find(problem, NamingException.class);
        if (naming != null) {
            return "No JDBC resource " + BlogSchema.DATA_SOURCE + " on this server: create it with "
                    + "'server-config/bin/hearth configure' or by hand (see server-config/README.md)";
        }
        var sql = findWithState(problem);
        if (sql == null) {
            return "The database of " + BlogSchema.DATA_SOURCE + " cannot be reached: " + rootCause(problem);
        }
        var state = sql.getSQLState();
        if (REFUSED_CREDENTIALS.contains(state) || String.valueOf(sql.getMessage()).contains("authentication")) {
            return "The database refused the user name or password of " + BlogSchema.DATA_SOURCE
                    + " (the user property of the pool HearthPool, the password alias hearth-db-password): "
                    + sql.getMessage();
        }
        if (state.startsWith("08") || state.startsWith("XJ")) {
            return "The database of " + BlogSchema.DATA_SOURCE + " cannot be reached (SQL state " + state + "): "
                    + sql.getMessage();
        }
        return "The database of " + BlogSchema.DATA_SOURCE + " failed (SQL state " + state + "): " + sql.getMessage();
    }

    private static SQLException findWithState(Throwable problem) {
        for (var cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
        }
        return null;
    }

    private static String rootCause(Throwable problem) {
        var root = problem;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static <T extends Throwable> T find(Throwable problem, Class<T> type) {
        for (var cause = problem; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}

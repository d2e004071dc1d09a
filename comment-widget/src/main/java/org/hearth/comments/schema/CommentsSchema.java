package org.hearth.comments.schema;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.flywaydb.core.Flyway;

/**
 * Brings the widget's tables ({@code hc_*}) up to date when the application starts: the versioned Flyway migrations
 * under {@code org/hearth/comments/schema/migration} run against {@value #DATA_SOURCE}, recorded in their own history
 * table {@code comments_schema_history}, so the widget's schema evolves independently of the host's.
 * <p>
 * It runs early in the start (before the start observers of the default priority), so the widget's tables exist before
 * a host's own start observers use them. A host that keeps its own Flyway history in the same schema finds the widget's
 * tables there first, and baselines (Hearth's blog starts its history at version 0 with {@code baselineOnMigrate}).
 * The migrations are written once for Derby and PostgreSQL; the placeholder {@code ${clob}} names the large-text type.
 * <p>
 * A start whose history already records the newest migration ({@link #LATEST_VERSION}) reads it with one query and
 * does not start Flyway. Flyway's validation of the applied migrations' checksums therefore runs only when there is
 * something to migrate: never edit a migration that shipped, add a new one.
 */
@ApplicationScoped
public class CommentsSchema {

    /**
     * The JNDI name of the database the widget stores its threads and comments in: the platform's default datasource,
     * which the host's server points at the database of its choice (its persistence unit names no other).
     */
    public static final String DATA_SOURCE = "java:comp/DefaultDataSource";

    /**
     * The version of the newest migration under {@code migration/} (raise it with every new one: CommentsSchemaTest
     * fails until it names the newest).
     */
    static final String LATEST_VERSION = "21.2";

    static final String HISTORY_TABLE = "comments_schema_history";

    private static final Logger LOG = Logger.getLogger(CommentsSchema.class.getName());

    private volatile boolean migrated;

    /**
     * Migrates when the application starts ({@link Startup}). A database that does not answer then never fails the
     * deployment: the migrations run at the next {@link #migrateIfNeeded()} (a host that waits for its database calls it
     * then).
     */
    void migrateAtStartup() {
        try {
            migrateIfNeeded();
        } catch (RuntimeException e) {
            LOG.warning(() -> "The comment widget's tables could not be brought up to date now (" + e.getMessage()
                    + "); they will be once the database answers");
        }
    }

    /** Runs the pending migrations unless they ran already in this application. */
    public synchronized void migrateIfNeeded() {
        if (!migrated) {
            migrate();
        }
    }

    /** Runs the pending migrations; returns how many ran. */
    public synchronized int migrate() {
        var executed = migrate(dataSource());
        migrated = true;
        return executed;
    }

    /**
     * Runs the pending migrations on {@code dataSource}; returns how many ran. When the history already records
     * {@value #LATEST_VERSION} and no failed migration, Flyway is not started at all: one query instead of the second
     * or so Flyway takes to configure itself and scan its migrations at every start.
     */
    static int migrate(DataSource dataSource) {
        if (historyRecords(dataSource, LATEST_VERSION)) {
            return 0;
        }
        var result = Flyway.configure(CommentsSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:org/hearth/comments/schema/migration")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("clob", largeTextType(dataSource)))
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(() -> "Comment widget schema migrated to version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migrations)");
        }
        return result.migrationsExecuted;
    }

    /** Whether the history table records {@code version} and no failed migration; false without a history. */
    private static boolean historyRecords(DataSource dataSource, String version) {
        var recorded = false;
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT \"version\", \"success\" FROM \"" + HISTORY_TABLE + "\"")) {
            while (rows.next()) {
                if (!rows.getBoolean(2)) {
                    return false;
                }
                recorded |= version.equals(rows.getString(1));
            }
        } catch (SQLException e) {
            return false; // no history yet, or no database: Flyway runs and says which
        }
        return recorded;
    }

    /**
     * Whether the database answers now: a connection from the pool, validated here (a pool that validates connections
     * at most every few seconds may still hand out a broken one right after the database went away).
     */
    static boolean databaseAnswers() {
        try (var connection = dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** The widget's database ({@value #DATA_SOURCE}). */
    public static DataSource dataSource() {
        try {
            return InitialContext.doLookup(DATA_SOURCE);
        } catch (NamingException e) {
            throw new IllegalStateException("No data source " + DATA_SOURCE + " on this server", e);
        }
    }

    private static String largeTextType(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? "TEXT" : "CLOB";
        } catch (SQLException e) {
            throw new IllegalStateException("The database " + DATA_SOURCE + " cannot be reached", e);
        }
    }

    /**
     * Runs the migrations when the web application starts. A servlet context listener rather than an observer of
     * {@code @Initialized(ApplicationScoped.class)}: GlassFish 8 fires that event outside the application's naming
     * environment, and a bean it creates then logs "No valid EE environment for injection" as SEVERE.
     */
    @WebListener
    public static class Startup implements ServletContextListener {

        @Inject
        private CommentsSchema schema;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            schema.migrateAtStartup();
        }
    }
}

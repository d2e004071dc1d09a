package org.hearth.blog.schema;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;

/**
 * Brings the blog's tables up to date: the versioned Flyway migrations under {@code org/hearth/blog/schema/migration}
 * run against {@value #DATA_SOURCE}, recorded in {@code blog_schema_history}. Upgrading the WAR over an existing
 * database therefore runs only the migrations it has not seen, and keeps all data.
 * <p>
 * The migrations run when the application starts. When the database does not answer then, the application still
 * starts: the log says what is wrong, the migrations are retried every {@value #RETRY_SECONDS} seconds (and at most
 * that often on demand, see {@link #isReadyOrRetry()}), and {@link SchemaReady} is fired once they have run. Until
 * then {@link #isReady()} is false and the web layer answers "temporarily unavailable".
 * <p>
 * The migrations are written once for Derby and PostgreSQL; the placeholders {@code ${clob}} and {@code ${blob}} name
 * the large-text and large-binary types.
 * <p>
 * A start whose history already records the newest migration ({@link #LATEST_VERSION}) reads it with one query and
 * does not start Flyway. Flyway's validation of the applied migrations' checksums therefore runs only when there is
 * something to migrate: never edit a migration that shipped, add a new one.
 */
@ApplicationScoped
public class BlogSchema {

    /** The JNDI name of the database: the server provides it (see server-config), the WAR never names a driver. */
    public static final String DATA_SOURCE = "jdbc/hearth";

    static final long RETRY_SECONDS = 10;

    /**
     * The version of the newest migration under {@code migration/} (raise it with every new one: BlogSchemaTest fails
     * until it names the newest).
     */
    static final String LATEST_VERSION = "12.1";

    static final String HISTORY_TABLE = "blog_schema_history";

    private static final Logger LOG = Logger.getLogger(BlogSchema.class.getName());

    /** Set by {@link OfflineDeployment} when it deploys the persistence unit without the database. */
    static volatile boolean deployedOffline;

    @Inject
    private Event<SchemaReady> ready;

    private volatile boolean migrated;
    private Instant lastAttempt = Instant.EPOCH;
    private String lastProblem;
    private ScheduledFuture<?> retries;

    /**
     * Schedules the migrations off the deployment thread, so that a database that does not answer never fails the
     * deployment. The first request runs them (and waits for a migration under way); the scheduler tries every
     * {@value #RETRY_SECONDS} seconds from then on. Not at once: GlassFish 8 may leave {@code @PersistenceContext}
     * fields null in beans first created on a scheduler thread while the application is still being deployed, and the
     * {@link SchemaReady} observers create beans. The host calls it when the web application starts, in the
     * application's naming environment (GlassFish 8 fires {@code @Initialized(ApplicationScoped.class)} outside it, and a
     * bean created then logs "No valid EE environment for injection" as SEVERE).
     */
    public void migrateAtStartup() {
        retries = scheduler().scheduleWithFixedDelay(this::retry, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopRetrying() {
        if (retries != null) {
            retries.cancel(false);
        }
    }

    /**
     * Whether this deployment of the application deployed the persistence unit {@code hearth-blog} without the
     * database: GlassFish then forgets its factory, which the web application closes itself when it stops (the widget's
     * {@code OfflineUnitCleanup}).
     */
    public static boolean deployedOffline() {
        return deployedOffline;
    }

    /** Whether the blog's tables are up to date, so pages can be served. */
    public boolean isReady() {
        return migrated;
    }

    /** Like {@link #isReady()}, but when not ready tries the migrations now, unless they were tried a moment ago. */
    public boolean isReadyOrRetry() {
        return migrated || attemptIfDue();
    }

    /**
     * Whether the database answers now: a connection from the pool, validated here (the pool validates a connection at
     * most every few seconds, so right after the database went away it may still hand out a broken one).
     */
    public static boolean databaseAnswers() {
        try (var connection = dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Runs the pending migrations; returns how many ran.
     *
     * @throws IllegalStateException when the database cannot be reached or a migration fails
     */
    public int migrate() {
        return migrate(dataSource());
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
        var result = Flyway.configure(BlogSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:org/hearth/blog/schema/migration")
                .table(HISTORY_TABLE)
                // The comment widget's tables may share the schema (and be created first): start the history at 0.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(typePlaceholders(dataSource))
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(() -> "Blog schema migrated to version " + result.targetSchemaVersion
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

    private synchronized boolean attemptIfDue() {
        if (migrated || Instant.now().isBefore(lastAttempt.plus(Duration.ofSeconds(RETRY_SECONDS)))) {
            return migrated;
        }
        return attempt();
    }

    private void retry() {
        if (attemptIfDue() && retries != null) {
            retries.cancel(false);
        }
    }

    private synchronized boolean attempt() {
        if (migrated) {
            return true;
        }
        lastAttempt = Instant.now();
        try {
            migrate();
        } catch (RuntimeException e) {
            var problem = DatabaseProblem.describe(e);
            if (!problem.equals(lastProblem)) {
                LOG.log(Level.SEVERE, problem + ". Hearth answers 503 'temporarily unavailable' and retries every "
                        + RETRY_SECONDS + " s.", e);
                lastProblem = problem;
            }
            return false;
        }
        migrated = true;
        if (lastProblem != null) {
            LOG.info("The database " + DATA_SOURCE + " answers again: Hearth serves pages");
        }
        ready.fire(new SchemaReady(LATEST_VERSION));
        return true;
    }

    /** Looked up rather than injected: GlassFish 8 left an injected one null in startup observers of a library's bean. */
    private static ManagedScheduledExecutorService scheduler() {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
        } catch (NamingException e) {
            throw new IllegalStateException("No default managed scheduled executor service on this server", e);
        }
    }

    private static DataSource dataSource() {
        try {
            return InitialContext.doLookup(DATA_SOURCE);
        } catch (NamingException e) {
            throw new IllegalStateException("No data source " + DATA_SOURCE + " on this server; see server-config/README.md", e);
        }
    }

    private static Map<String, String> typePlaceholders(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            var postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            return Map.of("clob", postgres ? "TEXT" : "CLOB", "blob", postgres ? "BYTEA" : "BLOB");
        } catch (SQLException e) {
            throw new IllegalStateException("The database " + DATA_SOURCE + " cannot be reached", e);
        }
    }
}

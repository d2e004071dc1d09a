package org.hearth.blog.schema;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.flywaydb.core.Flyway;

/**
 * Brings the blog's tables up to date when the application starts: the versioned Flyway migrations under
 * {@code org/hearth/blog/schema/migration} run against {@value #DATA_SOURCE}, recorded in {@code blog_schema_history}.
 * Upgrading the WAR over an existing database therefore runs only the migrations it has not seen, and keeps all data.
 * <p>
 * The migrations are written once for Derby and PostgreSQL; the placeholder {@code ${clob}} names the large-text type.
 */
@ApplicationScoped
public class BlogSchema {

    /** The JNDI name of the database: the server provides it (see server-config), the WAR never names a driver. */
    public static final String DATA_SOURCE = "jdbc/hearth";

    private static final Logger LOG = Logger.getLogger(BlogSchema.class.getName());

    void migrateAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object start) {
        migrate();
    }

    /** Runs the pending migrations; returns how many ran. */
    public int migrate() {
        var dataSource = dataSource();
        var result = Flyway.configure(BlogSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:org/hearth/blog/schema/migration")
                .table("blog_schema_history")
                .placeholders(Map.of("clob", largeTextType(dataSource)))
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(() -> "Blog schema migrated to version " + result.targetSchemaVersion
                    + " (" + result.migrationsExecuted + " migrations)");
        }
        return result.migrationsExecuted;
    }

    private static DataSource dataSource() {
        try {
            return InitialContext.doLookup(DATA_SOURCE);
        } catch (NamingException e) {
            throw new IllegalStateException("No data source " + DATA_SOURCE + " on this server; see server-config/README.md", e);
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
}

package org.hearth.blog.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The blog's migrations (SQL and Java) on a real embedded Derby in memory, and when a start may skip Flyway. */
class BlogSchemaTest {

    private EmbeddedDataSource database;

    @BeforeEach
    void freshDatabase() {
        database = new EmbeddedDataSource();
        database.setDatabaseName("memory:blog-" + UUID.randomUUID());
        database.setCreateDatabase("create");
    }

    @Test
    void aFreshDatabaseEndsAtTheLatestVersionAndTheNextStartRunsNothing() throws SQLException {
        assertEquals(10, BlogSchema.migrate(database), "V1 to V3, the Java V4, V6.1 to V6.3, V7.1, V8.1 and V12.1");
        assertEquals(BlogSchema.LATEST_VERSION, single("SELECT \"version\" FROM \"blog_schema_history\""
                + " ORDER BY \"installed_rank\" DESC FETCH FIRST ROW ONLY"), "raise LATEST_VERSION with every new migration");
        assertEquals(0, BlogSchema.migrate(database));
    }

    @Test
    void aHistoryWithoutTheLatestVersionRunsItAgain() throws SQLException {
        BlogSchema.migrate(database);
        execute("DELETE FROM \"blog_schema_history\" WHERE \"version\" = '" + BlogSchema.LATEST_VERSION + "'",
                "DROP TABLE blog_image");

        assertEquals(1, BlogSchema.migrate(database));
        assertEquals("0", single("SELECT COUNT(*) FROM blog_image"), "the latest migration's table is back");
    }

    @Test
    void aFailedMigrationInTheHistoryIsLeftToFlywaysValidation() throws SQLException {
        BlogSchema.migrate(database);
        execute("UPDATE \"blog_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'");

        var refused = assertThrows(RuntimeException.class, () -> BlogSchema.migrate(database));
        assertTrue(refused.getMessage().contains("failed migration to version 2"), refused.getMessage());
    }

    private String single(String sql) throws SQLException {
        try (var connection = database.getConnection(); var rows = connection.createStatement().executeQuery(sql)) {
            assertTrue(rows.next(), sql);
            return rows.getString(1);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            for (var sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }
}

package org.hearth.comments.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The widget's migrations on a real embedded Derby (in memory), and when a start may skip Flyway. */
class CommentsSchemaTest {

    private EmbeddedDataSource database;

    @BeforeEach
    void freshDatabase() {
        database = new EmbeddedDataSource();
        database.setDatabaseName("memory:comments-" + UUID.randomUUID());
        database.setCreateDatabase("create");
    }

    @Test
    void latestVersionNamesTheNewestMigration() throws SQLException {
        assertTrue(CommentsSchema.migrate(database) > 1, "a fresh database runs every migration");
        assertEquals(CommentsSchema.LATEST_VERSION, single("SELECT \"version\" FROM \"comments_schema_history\""
                + " ORDER BY \"installed_rank\" DESC FETCH FIRST ROW ONLY"), "raise LATEST_VERSION with every new migration");
    }

    @Test
    void aCurrentDatabaseRunsNothingAndAnIncompleteOneCatchesUp() throws SQLException {
        var all = CommentsSchema.migrate(database);
        assertEquals(0, CommentsSchema.migrate(database), "the history records the newest migration");

        execute("DELETE FROM \"comments_schema_history\" WHERE \"version\" IN ('21.1', '" + CommentsSchema.LATEST_VERSION + "')",
                "DROP TABLE hc_comment_word_indexer", "DROP TABLE hc_comment_word_backlog", "DROP INDEX ix_hc_comment_status");
        assertEquals(2, CommentsSchema.migrate(database), "a history without the newest migrations runs them again");
        assertEquals(all, Integer.parseInt(single("SELECT COUNT(*) FROM \"comments_schema_history\" WHERE \"success\"")));
        assertEquals("0", single("SELECT COUNT(*) FROM hc_comment_word_backlog"), "the newest migration's table is back");
    }

    @Test
    void theBansOfBeforeStayInForceWithoutExpiry() throws SQLException {
        flyway().target("8").load().migrate();
        execute("INSERT INTO hc_ban (kind, value_hash, created_at) VALUES ('EMAIL', 'e-hash', CURRENT_TIMESTAMP)",
                "INSERT INTO hc_ban (kind, value_hash, created_at) VALUES ('CLIENT', 'c-hash', CURRENT_TIMESTAMP)");
        CommentsSchema.migrate(database);
        assertEquals("1", single("SELECT COUNT(*) FROM hc_ban WHERE email_hash = 'e-hash' AND client_hash IS NULL AND expires_at IS NULL"
                + " AND lifted_at IS NULL AND reason = ''"));
        assertEquals("1", single("SELECT COUNT(*) FROM hc_ban WHERE client_hash = 'c-hash' AND email_hash IS NULL AND expires_at IS NULL"));
    }

    @Test
    void theCommentsOfBeforeAreFoundByTheirWordsAfterTheUpgrade() throws SQLException {
        flyway().target("15.1").load().migrate();
        execute("INSERT INTO hc_thread (version, thread_key, title, url, created_at) VALUES (1, 't', 'T', 'https://example.org/t', CURRENT_TIMESTAMP)",
                "INSERT INTO hc_comment (version, thread_id, depth, status, author_name, author_email, markdown, html, body_hash, client_hash,"
                        + " smiles, created_at) SELECT 1, id, 0, 'APPROVED', 'Zoé Durand', 'zoe@example.org', 'Un *thème* sombre ?', '', 'b', 'c', 0,"
                        + " TIMESTAMP('2025-01-02 03:04:05') FROM hc_thread");
        CommentsSchema.migrate(database);
        assertEquals("7", single("SELECT COUNT(*) FROM hc_comment_word"), "un theme sombre zoe durand example org");
        assertEquals("2", single("SELECT COUNT(*) FROM hc_comment_word w JOIN hc_comment c ON c.id = w.comment_id"
                + " WHERE w.word IN ('theme', 'zoe') AND w.created_at = c.created_at"), "the accents dropped; the comment's time");
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return org.flywaydb.core.Flyway.configure(CommentsSchema.class.getClassLoader()).dataSource(database)
                .locations("classpath:org/hearth/comments/schema/migration").table(CommentsSchema.HISTORY_TABLE)
                .placeholders(java.util.Map.of("clob", "CLOB"));
    }

    @Test
    void aFailedMigrationInTheHistoryIsLeftToFlyway() throws SQLException {
        CommentsSchema.migrate(database);
        execute("UPDATE \"comments_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '1'");
        var refused = assertThrows(RuntimeException.class, () -> CommentsSchema.migrate(database));
        assertTrue(refused.getMessage().contains("failed migration"), refused.getMessage());
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

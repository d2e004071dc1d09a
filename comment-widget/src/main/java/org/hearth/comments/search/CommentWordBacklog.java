package org.hearth.comments.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.schema.CommentsSchema;

/**
 * Comments whose words are indexed later, in the background ({@link CommentWordSchedule}): an import adds a hundred
 * thousand comments at the speed of the comments alone, and their words follow a batch per transaction.
 * <p>
 * The backlog is a table ({@code hc_comment_word_backlog}), so a restart resumes where the last committed batch ended;
 * a batch writes its words and leaves the backlog in one transaction, holding the lock on the one row of
 * {@code hc_comment_word_indexer}, so that two instances on one database index each comment once. A comment edited
 * before its turn leaves the backlog with its new words ({@link CommentWords#replace}); one edited while its batch
 * runs is left to the edit by the batch.
 */
@ApplicationScoped
@Transactional
public class CommentWordBacklog {

    /** Comments a batch indexes (about 27 words each). */
    static final int BATCH = 200;

    private static final int ID_ROWS = 100;

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    /** The last comment this server indexed (a hint: batches run one at a time, from the schedule or a test). */
    private volatile long after;

    /** Leaves the words of these comments, just stored, to the background: part of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void defer(List<Long> commentIds) {
        for (int from = 0; from < commentIds.size(); from += ID_ROWS) {
            var chunk = commentIds.subList(from, Math.min(commentIds.size(), from + ID_ROWS));
            var insert = em.createNativeQuery("INSERT INTO hc_comment_word_backlog (comment_id) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?)")));
            for (int i = 0; i < chunk.size(); i++) {
                insert.setParameter(i + 1, chunk.get(i));
            }
            insert.executeUpdate();
        }
    }

    /**
     * How many comments wait for their words to be indexed (a search does not find them yet). Outside any
     * transaction, like {@link #indexBatch()}.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long waiting() {
        try (var connection = CommentsSchema.dataSource().getConnection();
                var statement = connection.createStatement();
                var count = statement.executeQuery("SELECT COUNT(*) FROM hc_comment_word_backlog")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the comments waiting for their words to be indexed", e);
        }
    }

    /**
     * Indexes the words of the oldest comments in the backlog, up to {@value #BATCH}, in a transaction of its own, and
     * returns how many it took from the backlog (0 when it is empty). Another instance's batch waits for this one.
     * <p>
     * The transaction is a plain JDBC one on a connection of the widget's data source, outside JTA: a batch runs in the
     * background, and when the database goes away in the middle of one, the failure stays with this connection (rolled
     * back and closed here) instead of going through the transaction manager's enlistment of a broken connection.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int indexBatch() {
        try (var connection = CommentsSchema.dataSource().getConnection()) {
            var autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                var taken = indexBatch(connection);
                connection.commit();
                return taken;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                try {
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException e) {
                    // a broken connection: the pool's validation takes it out
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not index the words of imported comments", e);
        }
    }

    private int indexBatch(Connection connection) throws SQLException {
        try (var lock = connection.prepareStatement("UPDATE hc_comment_word_indexer SET batch_at = ? WHERE id = 1")) {
            lock.setTimestamp(1, Timestamp.from(Instant.now()));
            lock.executeUpdate();
        }
        var batch = next(connection, after);
        if (batch.isEmpty() && after > 0) {
            batch = next(connection, 0); // comments an import committed late, below the last batch
        }
        if (batch.isEmpty()) {
            after = 0;
            return 0;
        }
        var marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
        var words = new ArrayList<Words>();
        try (var read = connection.prepareStatement("SELECT id, markdown, author_name, author_email, created_at FROM hc_comment"
                + " WHERE id IN (" + marks + ")")) {
            setIds(read, batch);
            try (var comments = read.executeQuery()) {
                while (comments.next()) {
                    words.add(new Words(comments.getLong(1), comments.getTimestamp(5),
                            SearchWords.of(comments.getString(2), comments.getString(3), comments.getString(4))));
                }
            }
        }
        try (var insert = connection.prepareStatement("INSERT INTO hc_comment_word (word, created_at, comment_id) VALUES (?, ?, ?)")) {
            for (var comment : words) {
                for (var word : comment.words()) {
                    insert.setString(1, word);
                    insert.setTimestamp(2, comment.createdAt());
                    insert.setLong(3, comment.id());
                    insert.addBatch();
                }
                insertUnlessEdited(connection, insert);
            }
        }
        try (var delete = connection.prepareStatement("DELETE FROM hc_comment_word_backlog WHERE comment_id IN (" + marks + ")")) {
            setIds(delete, batch);
            delete.executeUpdate();
        }
        after = batch.getLast();
        return batch.size();
    }

    /** A comment's words, as its rows of the index will hold them. */
    private record Words(long id, Timestamp createdAt, Set<String> words) {
    }

    /**
     * Writes one comment's words, unless an edit committed since this batch chose the comment has indexed them (its
     * words are there, and the edit took it out of the backlog): then this comment's rows are undone, and the batch goes on.
     */
    private static void insertUnlessEdited(Connection connection, PreparedStatement insert) throws SQLException {
        var before = connection.setSavepoint();
        try {
            insert.executeBatch();
            connection.releaseSavepoint(before);
        } catch (SQLException e) {
            if (!duplicateKey(e)) {
                throw e;
            }
            insert.clearBatch();
            connection.rollback(before);
        }
    }

    /** Whether the failure is a duplicate key (SQL state 23505): itself, a cause, or the statement's that failed in a batch. */
    private static boolean duplicateKey(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e && "23505".equals(e.getSQLState())) {
                return true;
            }
        }
        var next = failure.getNextException();
        return next != null && "23505".equals(next.getSQLState());
    }

    /** Takes a comment out of the backlog: its words are indexed now ({@link CommentWords#replace}). */
    @Transactional(Transactional.TxType.MANDATORY)
    void drop(long commentId) {
        em.createNativeQuery("DELETE FROM hc_comment_word_backlog WHERE comment_id = ?").setParameter(1, commentId).executeUpdate();
    }

    /**
     * The next ids of the backlog after this one: a batch starts where the last one ended rather than at the start of
     * the table, whose index keeps the rows deleted by earlier batches for a while (Derby).
     */
    private static List<Long> next(Connection connection, long afterId) throws SQLException {
        try (var select = connection.prepareStatement("SELECT comment_id FROM hc_comment_word_backlog WHERE comment_id > ? ORDER BY comment_id")) {
            select.setLong(1, afterId);
            select.setMaxRows(BATCH);
            var ids = new ArrayList<Long>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static void setIds(PreparedStatement statement, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(i + 1, ids.get(i));
        }
    }
}

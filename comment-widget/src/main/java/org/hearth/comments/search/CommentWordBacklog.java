package org.hearth.comments.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Comments whose words are indexed later, in the background ({@link CommentWordSchedule}): an import adds a hundred
 * thousand comments at the speed of the comments alone, and their words follow a batch per transaction.
 * <p>
 * The backlog is a table ({@code hc_comment_word_backlog}), so a restart resumes where the last committed batch ended;
 * a batch writes its words and leaves the backlog in one transaction, holding the lock on the one row of
 * {@code hc_comment_word_indexer}, so that two instances on one database index each comment once. A comment edited
 * before its turn leaves the backlog with its new words ({@link CommentWords#replace}).
 */
@ApplicationScoped
@Transactional
public class CommentWordBacklog {

    /** Comments a batch indexes (about 27 words each). */
    static final int BATCH = 200;

    private static final int ID_ROWS = 100;

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentWords words;

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

    /** How many comments wait for their words to be indexed (a search does not find them yet). */
    public long waiting() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM hc_comment_word_backlog").getSingleResult()).longValue();
    }

    /**
     * Indexes the words of the oldest comments in the backlog, up to {@value #BATCH}, in a transaction of its own, and
     * returns how many it took from the backlog (0 when it is empty). Another instance's batch waits for this one.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int indexBatch() {
        em.createNativeQuery("UPDATE hc_comment_word_indexer SET batch_at = ? WHERE id = 1")
                .setParameter(1, Timestamp.from(Instant.now())).executeUpdate();
        var batch = next(after);
        if (batch.isEmpty() && after > 0) {
            batch = next(0); // comments an import committed late, below the last batch
        }
        if (batch.isEmpty()) {
            after = 0;
            return 0;
        }
        var rows = new ArrayList<CommentWord>();
        em.createQuery("select c.id, c.markdown, c.authorName, c.authorEmail, c.createdAt from Comment c where c.id in :ids", Object[].class)
                .setParameter("ids", batch).getResultStream()
                .forEach(c -> SearchWords.of((String) c[1], (String) c[2], (String) c[3])
                        .forEach(word -> rows.add(new CommentWord(word, (Instant) c[4], (Long) c[0]))));
        words.insert(rows);
        var delete = em.createNativeQuery("DELETE FROM hc_comment_word_backlog WHERE comment_id IN ("
                + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")");
        for (int i = 0; i < batch.size(); i++) {
            delete.setParameter(i + 1, batch.get(i));
        }
        delete.executeUpdate();
        after = batch.getLast();
        return batch.size();
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
    private List<Long> next(long afterId) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT comment_id FROM hc_comment_word_backlog WHERE comment_id > ? ORDER BY comment_id")
                .setParameter(1, afterId).setMaxResults(BATCH).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}

package org.hearth.comments.thread;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * What a thread shows now, as a short fingerprint for HTTP validators: any new, edited, moderated or smiled-at comment
 * and any counted share changes it. Read from the database in two aggregate queries, so every server instance agrees.
 */
@ApplicationScoped
@Transactional
public class ThreadVersions {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    /** The thread's version and the time of its newest comment, or empty for a thread nobody registered. */
    public Optional<Version> of(String key) {
        return em.createNamedQuery("CommentThread.findByKey", CommentThread.class).setParameter("key", key)
                .getResultStream().findFirst().map(thread -> {
                    var comments = (Object[]) em.createQuery("""
                            select count(c), sum(c.version), sum(c.smiles), max(c.createdAt), max(c.editedAt)
                            from Comment c where c.threadId = :thread""").setParameter("thread", thread.getId()).getSingleResult();
                    var shares = em.createQuery("select sum(s.shares) from ShareCount s where s.threadId = :thread", Long.class)
                            .setParameter("thread", thread.getId()).getSingleResult();
                    var fingerprint = "c" + comments[0] + "v" + value(comments[1]) + "s" + value(comments[2]) + "h" + value(shares);
                    var newest = latest((Instant) comments[3], (Instant) comments[4]);
                    return new Version(fingerprint, newest);
                });
    }

    private static Object value(Object sum) {
        return sum == null ? 0 : sum;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /**
     * @param fingerprint changes whenever what the thread shows changes
     * @param lastChange  the newest comment or edit, or null for a thread without comments
     */
    public record Version(String fingerprint, Instant lastChange) {
    }
}

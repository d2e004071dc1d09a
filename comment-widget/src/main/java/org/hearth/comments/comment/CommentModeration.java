package org.hearth.comments.comment;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.ThreadRevisions;
import org.hearth.comments.host.BanScope;
import org.hearth.comments.host.CommentApproved;
import org.hearth.comments.host.CommentStatus;

/**
 * A moderator's decisions on single comments: approve, mark as spam, delete, and the plain bans of an e-mail or
 * network address (the moderation queue, {@link org.hearth.comments.moderation.ModerationQueue}, records who decided
 * what and why on top of these).
 */
@ApplicationScoped
public class CommentModeration {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private Event<CommentApproved> approved;

    @Inject
    private ThreadRevisions revisions;

    /** Moderation: shows a comment to everyone, and fires {@link CommentApproved}. */
    @Transactional
    public void approve(long id) {
        var comment = require(id);
        if (comment.getStatus() != CommentStatus.APPROVED) {
            comment.moderate(CommentStatus.APPROVED);
            revisions.touch(comment.getThreadId());
            approved.fire(new CommentApproved(id, threadKey(comment)));
        }
    }

    /** Moderation: hides a comment as spam (with anything below it). */
    @Transactional
    public void markSpam(long id) {
        moderate(id, CommentStatus.SPAM);
    }

    /** Moderation: removes a comment; while it has replies a "comment removed" placeholder stands in for it. */
    @Transactional
    public void delete(long id) {
        moderate(id, CommentStatus.DELETED);
    }

    /**
     * Moderation: refuses every later comment from this e-mail address until the ban is lifted (moderators ban with a
     * reason, an expiry and the comment for context through {@link org.hearth.comments.moderation.ModerationQueue#ban}).
     */
    @Transactional
    public void banEmail(String email) {
        var hash = CommentAuthor.emailHash(email);
        if (hash != null && !isBanned(Ban.Kind.EMAIL, hash)) {
            em.persist(new Ban(hash, null, null, "", "", null));
        }
    }

    /**
     * Moderation: refuses later comments from the network address that posted this comment, for
     * {@link BanScope#ADDRESS_BAN_DEFAULT} (an address may be shared, or someone else's tomorrow).
     */
    @Transactional
    public void banClientOf(long commentId) {
        var comment = require(commentId);
        if (!isBanned(Ban.Kind.CLIENT, comment.getClientHash())) {
            em.persist(Ban.of(comment, BanScope.ADDRESS, Instant.now().plus(BanScope.ADDRESS_BAN_DEFAULT), "", ""));
        }
    }

    private void moderate(long id, CommentStatus status) {
        var comment = require(id);
        comment.moderate(status);
        revisions.touch(comment.getThreadId());
    }

    private String threadKey(Comment comment) {
        return em.find(CommentThread.class, comment.getThreadId()).getKey();
    }

    /** Whether a ban in force (neither lifted nor expired) names this fingerprint. */
    boolean isBanned(Ban.Kind kind, String hash) {
        var found = em.createNamedQuery(kind == Ban.Kind.EMAIL ? "Ban.countActiveByEmail" : "Ban.countActiveByClient", Long.class)
                .setParameter("hash", hash).setParameter("now", Instant.now()).getSingleResult();
        return found != null && found > 0;
    }

    private Comment require(long id) {
        var comment = em.find(Comment.class, id);
        if (comment == null) {
            throw new IllegalArgumentException("No comment " + id);
        }
        return comment;
    }
}

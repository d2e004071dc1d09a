package org.hearth.comments.notify;

import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.host.CommentApproved;
import org.hearth.comments.host.CommentPosted;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.render.Messages;
import org.hearth.comments.security.Signatures;
import org.hearth.comments.thread.CommentThread;

/**
 * "Notify me of replies": a commenter who gave an e-mail address and ticked the box gets one e-mail per reply to their
 * comment, once that reply is approved (never for a pending one, never for their own), with a signed one-click
 * unsubscribe link. The e-mail is only queued here, after the reply's transaction committed, in a transaction of its
 * own: a failure can neither lose nor block the comment. {@link MailOutbox} delivers it.
 */
@ApplicationScoped
public class ReplyNotifications {

    /** The purpose of unsubscribe tokens (see {@link org.hearth.comments.security.TokenSigner}). */
    public static final String UNSUBSCRIBE = "unsubscribe";

    private static final Logger LOG = Logger.getLogger(ReplyNotifications.class.getName());

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private Signatures signatures;

    @Inject
    private CommentSettings settings;

    @Inject
    private ReplyNotifications self;

    /**
     * Subscribes the author of this comment to replies; nothing happens when it has no e-mail address.
     *
     * @param siteUrl the absolute address of the web application serving the widget (its unsubscribe link lives there):
     *                {@link org.hearth.comments.config.SiteOrigins#base}, never an address a request named on trust
     * @return whether the author is subscribed (false when the comment has no e-mail address)
     */
    @Transactional
    public boolean subscribe(long commentId, String siteUrl) {
        var comment = em.find(Comment.class, commentId);
        if (comment == null || comment.getAuthorEmail() == null) {
            return false;
        }
        if (em.find(ReplySubscription.class, commentId) == null) {
            em.persist(new ReplySubscription(commentId, Objects.requireNonNull(siteUrl, "siteUrl")));
        }
        return true;
    }

    /** The signed token that unsubscribes the author of this comment. */
    public String unsubscribeToken(long commentId) {
        return signatures.signer().sign(UNSUBSCRIBE, Long.toString(commentId));
    }

    /**
     * Ends the subscription the token names.
     *
     * @return whether the token was genuine
     */
    @Transactional
    public boolean unsubscribe(String token) {
        var id = signatures.signer().verify(UNSUBSCRIBE, token);
        if (id.isEmpty()) {
            return false;
        }
        Optional.ofNullable(em.find(ReplySubscription.class, Long.parseLong(id.get()))).ifPresent(ReplySubscription::unsubscribe);
        return true;
    }

    /** Whether the author of this comment gets e-mails about replies. */
    public boolean isSubscribed(long commentId) {
        var subscription = em.find(ReplySubscription.class, commentId);
        return subscription != null && subscription.isActive();
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentPosted event) {
        if (event.approved()) {
            queueSafely(event.commentId());
        }
    }

    void approved(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentApproved event) {
        queueSafely(event.commentId());
    }

    private void queueSafely(long replyId) {
        try {
            self.queue(replyId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not queue the reply notification for comment " + replyId, e);
        }
    }

    /** Queues the e-mail about this approved reply, when its parent's author subscribed; at most once per reply. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void queue(long replyId) {
        var reply = em.find(Comment.class, replyId);
        if (reply == null || reply.getStatus() != CommentStatus.APPROVED) {
            return;
        }
        var answeredId = reply.getReplyToId() != null ? reply.getReplyToId() : reply.getParentId();
        if (answeredId == null) {
            return;
        }
        var subscription = em.find(ReplySubscription.class, answeredId);
        var answered = em.find(Comment.class, answeredId);
        if (subscription == null || !subscription.isActive() || answered == null || answered.getAuthorEmail() == null
                || Objects.equals(answered.getEmailHash(), reply.getEmailHash())) {
            return;
        }
        var key = "reply:" + replyId;
        if (em.createNamedQuery("Mail.countByKey", Long.class).setParameter("key", key).getSingleResult() > 0) {
            return;
        }
        var thread = em.find(CommentThread.class, reply.getThreadId());
        var unsubscribe = subscription.getSiteUrl() + "/api/unsubscribe?token=" + unsubscribeToken(answeredId);
        var text = Messages.of(AddressConfirmations.siteLanguage(settings));
        var body = text.get("reply.mail.body", answered.getAuthorName(), reply.getAuthorName(), thread.getTitle(), reply.getMarkdown().strip(),
                thread.getUrl(), String.valueOf(replyId), unsubscribe);
        em.persist(new Mail(key, answered.getAuthorEmail(), text.get("reply.mail.subject", reply.getAuthorName(), thread.getTitle()),
                body, unsubscribe));
    }
}

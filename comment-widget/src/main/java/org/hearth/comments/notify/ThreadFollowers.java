package org.hearth.comments.notify;

import java.time.Duration;
import java.time.Instant;
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
import org.hearth.comments.comment.CommentAuthor;
import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.host.CommentApproved;
import org.hearth.comments.host.CommentPosted;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.security.Signatures;
import org.hearth.comments.security.TokenSigner;
import org.hearth.comments.thread.CommentThread;

/**
 * "Follow this discussion": an e-mail per new approved comment of a thread, by double opt-in.
 * <ol>
 * <li>{@link #request} keeps a pending row (the address, for at most {@link #PENDING_LIFETIME}) and queues one e-mail
 *     with a signed link ({@value #CONFIRM} tokens); a second request for the same address and thread within
 *     {@link #MAIL_INTERVAL} sends nothing more. One client may ask as often a minute as it may comment
 *     ({@link CommentSettings#rateLimit()}), one address {@value #ADDRESS_LIMIT} times a day; more is refused as too
 *     many.</li>
 * <li>{@link #confirm} (the link's page, {@code /api/follow}) makes the row a follower.</li>
 * <li>Each comment approved in the thread queues one e-mail per follower (never to its own author), through the
 *     {@link MailOutbox}, with a one-click unsubscribe link ({@value #UNFOLLOW} tokens; RFC 8058 headers), after the
 *     comment's transaction committed and in one of its own: a failure can neither lose nor block the comment.</li>
 * </ol>
 */
@ApplicationScoped
public class ThreadFollowers {

    public static final String CONFIRM = "follow";
    public static final String UNFOLLOW = "unfollow";
    public static final Duration PENDING_LIFETIME = Duration.ofDays(2);
    public static final Duration MAIL_INTERVAL = Duration.ofHours(12);
    public static final int ADDRESS_LIMIT = 3;

    private static final Logger LOG = Logger.getLogger(ThreadFollowers.class.getName());

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private Signatures signatures;

    @Inject
    private CommentSettings settings;

    @Inject
    private ThreadFollowers self;

    /**
     * Asks the owner of {@code email} to confirm following the thread.
     *
     * @param siteUrl the absolute address of the web application serving the widget (the links lead there)
     * @throws InvalidCommentException field {@code follow}: no usable address, or too many requests (429)
     */
    public void request(CommentThread thread, String email, String clientHash, String siteUrl) {
        String hash;
        try {
            hash = CommentAuthor.emailHash(email);
        } catch (InvalidCommentException e) {
            hash = null;
        }
        if (hash == null) {
            throw new InvalidCommentException("follow", "invalid", text("follow.invalid"));
        }
        // Refused outside the transaction: bad input is no error of the server's, and must not be logged as one.
        var refusal = self.store(thread, email.strip(), hash, clientHash, Objects.requireNonNull(siteUrl));
        if (refusal != null) {
            throw new InvalidCommentException("follow", "too-many", text("follow.too.many"), refusal);
        }
    }

    /**
     * Keeps the pending request and queues its e-mail, unless the limits say no.
     *
     * @return null when taken (or when an e-mail for it went out a moment ago: nothing more is sent), else how long the
     *         client must wait
     */
    @Transactional
    public Duration store(CommentThread thread, String email, String hash, String clientHash, String siteUrl) {
        var now = Instant.now();
        em.createNamedQuery("ThreadFollower.deleteStalePending").setParameter("before", now.minus(PENDING_LIFETIME)).executeUpdate();
        if (em.createNamedQuery("ThreadFollower.countRecentByClient", Long.class).setParameter("client", clientHash)
                .setParameter("since", now.minus(Duration.ofMinutes(1))).getSingleResult() >= settings.rateLimit()) {
            return Duration.ofMinutes(1);
        }
        if (em.createNamedQuery("ThreadFollower.countRecentByAddress", Long.class).setParameter("hash", hash)
                .setParameter("since", now.minus(Duration.ofDays(1))).getSingleResult() >= ADDRESS_LIMIT) {
            return Duration.ofHours(1);
        }
        var existing = em.createNamedQuery("ThreadFollower.find", ThreadFollower.class).setParameter("thread", thread.getId())
                .setParameter("hash", hash).getResultStream().findFirst();
        ThreadFollower follower;
        if (existing.isEmpty()) {
            follower = new ThreadFollower(thread.getId(), email, hash, clientHash, siteUrl);
            em.persist(follower);
            em.flush();
        } else if (existing.get().mayRequestAgain(MAIL_INTERVAL)) {
            follower = existing.get();
            follower.requestedAgain(clientHash);
        } else {
            return null; // confirmed already, or its e-mail went out a moment ago: the same answer, and nothing more is sent
        }
        var expires = follower.getRequestedAt().plus(PENDING_LIFETIME);
        var link = siteUrl + "/api/follow?token=" + signatures.signer().sign(CONFIRM, follower.getId() + "-" + expires.getEpochSecond());
        em.persist(new Mail("follow:" + follower.getId() + ":" + follower.getRequestedAt().getEpochSecond(), follower.getEmail(),
                text("follow.mail.subject", thread.getTitle()),
                text("follow.mail.body", thread.getTitle(), thread.getUrl(), link, PENDING_LIFETIME.toDays()), null));
        return null;
    }

    /**
     * Confirms the request the token names.
     *
     * @return the thread followed now, or empty when the token is not genuine, expired, or its request is gone
     */
    @Transactional
    public Optional<CommentThread> confirm(String token) {
        return pending(token).map(follower -> {
            follower.confirm();
            return em.find(CommentThread.class, follower.getThreadId());
        });
    }

    /** Whether a confirmation token is genuine, not expired, and its request still waits or was confirmed. */
    public boolean isValid(String token) {
        return pending(token).isPresent();
    }

    private Optional<ThreadFollower> pending(String token) {
        return verify(signatures.signer(), token, Instant.now()).map(id -> em.find(ThreadFollower.class, id));
    }

    /** The follower a confirmation token names, when genuine and not expired at {@code now}. */
    static Optional<Long> verify(TokenSigner signer, String token, Instant now) {
        return Optional.ofNullable(token).flatMap(t -> signer.verify(CONFIRM, t))
                .filter(value -> value.matches("[0-9]{1,18}-[0-9]{1,12}"))
                .filter(value -> now.isBefore(Instant.ofEpochSecond(Long.parseLong(value.substring(value.indexOf('-') + 1)))))
                .map(value -> Long.parseLong(value.substring(0, value.indexOf('-'))));
    }

    /**
     * Ends the following the token names (the address is forgotten).
     *
     * @return whether the token was genuine
     */
    @Transactional
    public boolean unfollow(String token) {
        var id = token == null ? Optional.<String>empty() : signatures.signer().verify(UNFOLLOW, token);
        if (id.isEmpty() || !id.get().matches("[0-9]{1,18}")) {
            return false;
        }
        Optional.ofNullable(em.find(ThreadFollower.class, Long.parseLong(id.get()))).ifPresent(em::remove);
        return true;
    }

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentPosted event) {
        if (event.approved()) {
            queueSafely(event.commentId());
        }
    }

    void approved(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentApproved event) {
        queueSafely(event.commentId());
    }

    private void queueSafely(long commentId) {
        try {
            self.queue(commentId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not queue the e-mails to the followers of comment " + commentId, e);
        }
    }

    /** Queues one e-mail per follower of this approved comment's thread; at most once per comment and follower. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void queue(long commentId) {
        var comment = em.find(Comment.class, commentId);
        if (comment == null || comment.getStatus() != CommentStatus.APPROVED) {
            return;
        }
        var thread = em.find(CommentThread.class, comment.getThreadId());
        for (var follower : em.createNamedQuery("ThreadFollower.confirmed", ThreadFollower.class)
                .setParameter("thread", comment.getThreadId()).getResultList()) {
            var key = "followed:" + follower.getId() + ":" + commentId;
            if (follower.getEmailHash().equals(comment.getEmailHash())
                    || em.createNamedQuery("Mail.countByKey", Long.class).setParameter("key", key).getSingleResult() > 0) {
                continue;
            }
            var unsubscribe = follower.getSiteUrl() + "/api/follow/stop?token=" + signatures.signer().sign(UNFOLLOW, follower.getId().toString());
            em.persist(new Mail(key, follower.getEmail(), text("followed.mail.subject", comment.getAuthorName(), thread.getTitle()),
                    text("followed.mail.body", comment.getAuthorName(), thread.getTitle(), comment.getMarkdown().strip(),
                            thread.getUrl() + "#comment-" + commentId, unsubscribe), unsubscribe));
        }
    }

    /** A text of the widget's bundle in the site's language: a mail is written before its reader asks. */
    private String text(String key, Object... arguments) {
        return AddressConfirmations.text(AddressConfirmations.siteLanguage(settings), key, arguments);
    }
}

package org.hearth.comments.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.host.EditableSetting;
import org.hearth.comments.host.Languages;
import org.hearth.comments.render.Messages;
import org.hearth.comments.security.Signatures;
import org.hearth.comments.security.TokenSigner;
import org.hearth.comments.thread.CommentThread;

/**
 * Confirming an e-mail address through a link sent to it, so that first-time moderation can trust an address its owner
 * proved to read rather than one anybody can type.
 * <p>
 * <b>The rule.</b> In first-time moderation a comment is published at once when its request proves authorship of an
 * approved comment (the own-comments token), or when its typed e-mail address is <em>confirmed and</em> a comment with
 * that address was approved, unless a moderator withdrew that address's trust. Confirming never publishes the comment
 * that waits: a moderator still decides on it. So an address becomes trusted once both happened, in either order: its
 * owner clicked the link, and a moderator approved one of its comments.
 * <p>
 * <b>The e-mail.</b> When a commenter who gave an e-mail address posts a comment that waits for moderation, in
 * first-time moderation, and the address is not confirmed yet, one e-mail "confirm your address" goes to it (queued in
 * the {@link MailOutbox}), quoting the comment (someone else may have typed the address) and with a signed link ({@value #PURPOSE} tokens, good for {@link #LINK_LIFETIME}), at most one per
 * address and {@link #MAIL_INTERVAL}. The link opens {@code /api/confirm-address}: its {@code GET} shows a button (mail
 * scanners that open links confirm nothing), its {@code POST} confirms. Addresses are kept as fingerprints only.
 */
@ApplicationScoped
public class AddressConfirmations {

    /** The purpose of confirmation tokens (see {@link TokenSigner}): no other token passes for one. */
    public static final String PURPOSE = "confirm-address";

    /** How long a confirmation link works. */
    public static final Duration LINK_LIFETIME = Duration.ofDays(7);

    /** At most one confirmation e-mail per address in this time. */
    public static final Duration MAIL_INTERVAL = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(AddressConfirmations.class.getName());

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private Signatures signatures;

    @Inject
    private CommentSettings settings;

    @Inject
    private AddressConfirmations self;

    /**
     * Sends the author of this just-posted comment the confirmation e-mail when the rule above calls for one. Never
     * fails the caller: the comment is stored already, and a problem here is only logged.
     *
     * @param siteUrl the absolute address of the web application serving the widget (the link leads there)
     */
    public void offer(Comment comment, String siteUrl) {
        if (comment.getStatus() != CommentStatus.PENDING || comment.getAuthorEmail() == null || comment.getBadge() != null
                || settings.moderation() != CommentSettings.Moderation.FIRST_TIME) {
            return;
        }
        try {
            self.queue(comment.getId(), siteUrl);
        } catch (RuntimeException e) {
            // Another request asked for the same address at the same moment (its row or version won): one e-mail goes.
            LOG.log(Level.FINE, "No confirmation e-mail for comment " + comment.getId(), e);
        }
    }

    /**
     * Queues the confirmation e-mail for the address of this comment, unless the address is confirmed or had one within
     * {@link #MAIL_INTERVAL}.
     *
     * @return whether an e-mail was queued
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean queue(long commentId, String siteUrl) {
        var comment = em.find(Comment.class, commentId);
        if (comment == null || comment.getAuthorEmail() == null || comment.getEmailHash() == null) {
            return false;
        }
        var confirmation = em.find(AddressConfirmation.class, comment.getEmailHash());
        if (confirmation == null) {
            confirmation = new AddressConfirmation(comment.getEmailHash());
            em.persist(confirmation);
        } else if (confirmation.mayRequestAgain(MAIL_INTERVAL)) {
            confirmation.requestedAgain();
        } else {
            return false;
        }
        var thread = em.find(CommentThread.class, comment.getThreadId());
        var expires = confirmation.getRequestedAt().plus(LINK_LIFETIME);
        var link = Objects.requireNonNull(siteUrl, "siteUrl") + "/api/confirm-address?token=" + token(signatures.signer(), comment.getEmailHash(), expires);
        em.persist(new Mail("confirm:" + comment.getEmailHash() + ":" + confirmation.getRequestedAt().getEpochSecond(), comment.getAuthorEmail(),
                text(siteLanguage(), "confirm.mail.subject", thread.getTitle()),
                text(siteLanguage(), "confirm.mail.body", comment.getAuthorName(), thread.getTitle(), link, LINK_LIFETIME.toDays(), quote(comment.getMarkdown())),
                null));
        em.flush();
        return true;
    }

    /**
     * Confirms the address the token names.
     *
     * @return whether the token was genuine and not expired
     */
    @Transactional
    public boolean confirm(String token) {
        var hash = verify(signatures.signer(), token, Instant.now());
        if (hash.isEmpty()) {
            return false;
        }
        var confirmation = em.find(AddressConfirmation.class, hash.get());
        if (confirmation == null) {
            confirmation = new AddressConfirmation(hash.get());
            em.persist(confirmation);
        }
        confirmation.confirm();
        return true;
    }

    /** Whether the token is genuine and not expired (nothing is confirmed by asking). */
    public boolean isValid(String token) {
        return verify(signatures.signer(), token, Instant.now()).isPresent();
    }

    /** Whether the owner of the address with this fingerprint confirmed it. */
    public boolean isConfirmed(String emailHash) {
        return emailHash != null && em.createNamedQuery("AddressConfirmation.countConfirmed", Long.class)
                .setParameter("hash", emailHash).getSingleResult() > 0;
    }

    /** The token of a confirmation link for the address with this fingerprint, good until {@code expires}. */
    static String token(TokenSigner signer, String emailHash, Instant expires) {
        return signer.sign(PURPOSE, emailHash + "-" + expires.getEpochSecond());
    }

    /** The fingerprint a confirmation token names, when it is genuine and not expired at {@code now}. */
    static Optional<String> verify(TokenSigner signer, String token, Instant now) {
        return signer.verify(PURPOSE, token)
                .filter(value -> value.matches("[0-9a-f]{64}-[0-9]{1,12}"))
                .filter(value -> now.isBefore(Instant.ofEpochSecond(Long.parseLong(value.substring(65)))))
                .map(value -> value.substring(0, 64));
    }

    /**
     * The beginning of the comment, on one line, as the e-mail quotes it: enough for the owner of the address to tell
     * whether they wrote it (someone else may have typed their address), too little to make the e-mail a messenger for
     * whoever typed it.
     */
    static String quote(String markdown) {
        var text = markdown.replaceAll("\\s+", " ").strip();
        return "> " + (text.length() > QUOTE_MAX ? text.substring(0, QUOTE_MAX).stripTrailing() + "…" : text);
    }

    private static final int QUOTE_MAX = 160;

    /** The site's language when an administrator set one, else English: a mail is written before its reader asks. */
    private Locale siteLanguage() {
        return siteLanguage(settings);
    }

    /** The site's language when an administrator set one, else English. */
    public static Locale siteLanguage(CommentSettings settings) {
        return Languages.of().find(settings.text(EditableSetting.LANGUAGE)).orElse(Locale.ENGLISH);
    }

    /** A text of the widget's bundle in {@code language} (the nearest the widget has). */
    public static String text(Locale language, String key, Object... arguments) {
        return Messages.of(language).get(key, arguments);
    }
}

package org.hearth.comments.comment;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.host.TeamDirectory;
import org.hearth.comments.host.TeamMember;
import org.hearth.comments.search.CommentWords;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.thread.ThreadRevisions;
import org.hearth.comments.host.CommentPosted;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.Commenter;
import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.host.NewComment;

/**
 * Posts comments. Every rule of the widget for a new comment is enforced here, whether it arrives through the Faces
 * form or the JSON API: field rules, spam defences, bans, the depth rule, moderation, badges.
 */
@ApplicationScoped
public class CommentPosting {

    private static final int STORE_ATTEMPTS = 4;

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentThreadService threads;

    @Inject
    private CommentSettings settings;

    @Inject
    private Instance<TeamDirectory> team;

    @Inject
    private CommentModeration moderation;

    @Inject
    private Writer writer;

    /**
     * Stores checked comments in a transaction. The checks run before it, outside any transaction, so that a refused
     * comment (an everyday event) neither starts nor rolls back one.
     */
    @ApplicationScoped
    static class Writer {

        @PersistenceContext(unitName = "hearth-comments")
        private EntityManager em;

        @Inject
        private Event<CommentPosted> posted;

        @Inject
        private ThreadRevisions revisions;

        @Inject
        private CommentWords words;

        @Transactional
        public Comment store(Comment comment, String threadKey) {
            em.persist(comment);
            em.flush();
            words.add(comment);
            revisions.touch(comment.getThreadId());
            posted.fire(new CommentPosted(comment.getId(), threadKey, comment.getStatus() == CommentStatus.APPROVED));
            return comment;
        }
    }

    /**
     * Stores a comment, or refuses it.
     *
     * @param thread    the thread (registered by the caller)
     * @param input     what was submitted
     * @param commenter who submits, as far as the request tells
     * @return the stored comment, approved or pending
     * @throws InvalidCommentException naming the field and reason when a rule is broken; nothing is stored then
     */
    public Comment post(CommentThread thread, NewComment input, Commenter commenter) {
        return post(thread, input, signedIn(thread.getKey()), commenter);
    }

    /**
     * Stores a comment written by the given team member (or a guest when empty), for host code that has established
     * who that is by itself (a console, a demo seed). Never pass anything a visitor chose.
     *
     * @throws InvalidCommentException naming the field and reason when a rule is broken; nothing is stored then
     */
    public Comment post(CommentThread thread, NewComment input, Optional<TeamMember> member, Commenter commenter) {
        var author = member.map(m -> CommentAuthor.team(m, input.email(), input.website()))
                .orElseGet(() -> CommentAuthor.guest(input.name(), input.email(), input.website()));
        if (member.isEmpty() && isReserved(author.name())) {
            throw new InvalidCommentException("name", "reserved", "This name is reserved for the site's team; please choose another.");
        }
        var body = CommentBody.of(input.body());
        Comment parent = null;
        if (input.parentId() != null) {
            parent = em.find(Comment.class, input.parentId());
            if (parent == null || !parent.getThreadId().equals(thread.getId()) || !isVisible(parent, commenter)) {
                throw new InvalidCommentException("parentId", "unknown-parent", "The comment you answer is not in this discussion.");
            }
        }
        var now = Instant.now();
        var rules = new SpamRules(Duration.ofSeconds(settings.minSeconds()), settings.rateLimit(), settings.maxLinks());
        if (member.isEmpty()) {
            rules.refuse(commenter, now,
                    em.createNamedQuery("Comment.postedByClientSince", Instant.class)
                            .setParameter("client", commenter.clientHash()).setParameter("since", now.minus(SpamRules.WINDOW)).getResultList(),
                    duplicates(thread, body),
                    moderation.isBanned(Ban.Kind.CLIENT, commenter.clientHash()) || author.emailHash() != null && moderation.isBanned(Ban.Kind.EMAIL, author.emailHash()));
        }
        if (member.isEmpty() && commenter.formId() != null) {
            refuseUsedForm(commenter.formId(), now);
        }
        var status = member.isPresent() ? CommentStatus.APPROVED : statusFor(author, body, commenter, rules);
        for (int attempt = 1; ; attempt++) {
            try {
                var comment = new Comment(thread.getId(), parent, settings.maxDepth(), author, body, commenter.clientHash(), status);
                comment.postedWith(commenter.formId());
                return writer.store(comment, thread.getKey());
            } catch (RuntimeException e) {
                // Under many concurrent posts Derby may refuse one insert as transient lock contention (SQLState 40...):
                // a new transaction a moment later succeeds, so the reader never sees a failure for it.
                if (attempt == STORE_ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }


    /** Refuses a form that posted {@value Commenter#COMMENTS_PER_FORM} comments, or its first longer ago than allowed. */
    private void refuseUsedForm(String formId, Instant now) {
        var uses = em.createNamedQuery("Comment.formUses", Object[].class).setParameter("form", formId).getSingleResult();
        if (number(uses[0]) >= Commenter.COMMENTS_PER_FORM
                || uses[1] instanceof Instant first && first.plus(Commenter.FORM_REUSE).isBefore(now)) {
            throw new InvalidCommentException("form", "form-used",
                    "This form has already sent your comment. Please reload the page to write another one.");
        }
    }

    private static boolean isTransient(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Posts to the thread with this key, registering it with this title and URL when it is new (an existing thread keeps
     * its own, see {@link CommentThreadService#findOrRegister}).
     *
     * @throws InvalidCommentException as {@link #post(CommentThread, NewComment, Commenter)}, or naming {@code thread}
     */
    public Comment post(String title, String url, NewComment input, Commenter commenter) {
        CommentThread thread;
        try {
            CommentThread.requireKey(input.threadKey());
            thread = threads.findOrRegister(input.threadKey(), title, url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCommentException("thread", "invalid", "The thread key, title or URL is not valid: "
                    + (e.getMessage() == null ? "missing" : e.getMessage()));
        }
        return post(thread, input, commenter);
    }

    private CommentStatus statusFor(CommentAuthor author, CommentBody body, Commenter commenter, SpamRules rules) {
        if (rules.holdForModeration(body)) {
            return CommentStatus.PENDING;
        }
        return switch (settings.moderation()) {
            case NONE -> CommentStatus.APPROVED;
            case ALL -> CommentStatus.PENDING;
            case FIRST_TIME -> isTrusted(author, commenter) ? CommentStatus.APPROVED : CommentStatus.PENDING;
        };
    }

    /**
     * Whether first-time moderation publishes this commenter's comment at once. Trust comes from something the commenter
     * holds, never from an address they typed alone. The commenter is trusted when
     * <ul>
     * <li>the request proves authorship (the signed own-comments tokens of the {@code hc_own} cookie or the
     *     {@code X-Hearth-Own} header, see {@link Commenter#ownIds()}) of an approved comment whose e-mail address no
     *     moderator withdrew trust from; or</li>
     * <li>the typed e-mail address is confirmed (its owner opened the link mailed to it, see
     *     {@link org.hearth.comments.notify.AddressConfirmations}) <em>and</em> a comment with it was approved.</li>
     * </ul>
     * A typed address whose trust a moderator withdrew ({@link org.hearth.comments.moderation.TrustRevocation}) is never
     * trusted, whatever the request holds.
     */
    private boolean isTrusted(CommentAuthor author, Commenter commenter) {
        var email = author.emailHash();
        if (email != null && count(em.createNamedQuery("TrustRevocation.count", Long.class)
                .setParameter("hash", email).getSingleResult()) > 0) {
            return false;
        }
        if (!commenter.ownIds().isEmpty() && count(em.createNamedQuery("TrustRevocation.countApprovedUnrevokedAmong", Long.class)
                .setParameter("ids", List.copyOf(commenter.ownIds())).getSingleResult()) > 0) {
            return true;
        }
        return email != null
                && count(em.createNamedQuery("AddressConfirmation.countConfirmed", Long.class).setParameter("hash", email).getSingleResult()) > 0
                && count(em.createNamedQuery("Comment.countApprovedByEmail", Long.class).setParameter("email", email).getSingleResult()) > 0;
    }

    private static boolean isVisible(Comment comment, Commenter commenter) {
        return comment.getStatus() == CommentStatus.APPROVED
                || comment.getStatus() == CommentStatus.PENDING && commenter.ownIds().contains(comment.getId());
    }

    /** The team member the host's {@link TeamDirectory} says is signed in, with their badge in this thread; empty for a guest. */
    public Optional<TeamMember> signedIn(String threadKey) {
        return team.isResolvable() ? team.get().signedIn(threadKey) : Optional.empty();
    }

    /** Whether the name looks like one of the team's ({@link TextRules#looksAlike}). */
    private boolean isReserved(String name) {
        if (!team.isResolvable()) {
            return false;
        }
        var skeleton = TextRules.nameSkeleton(name);
        return team.get().reservedNames().stream().anyMatch(reserved -> TextRules.nameSkeleton(reserved).equals(skeleton));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The comments of the thread (not deleted) with this body, by any of its fingerprints. */
    private long duplicates(CommentThread thread, CommentBody body) {
        return body.duplicateHashes().stream().distinct()
                .mapToLong(hash -> count(em.createNamedQuery("Comment.countDuplicates", Long.class)
                        .setParameter("thread", thread.getId()).setParameter("body", hash).getSingleResult()))
                .sum();
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }
}

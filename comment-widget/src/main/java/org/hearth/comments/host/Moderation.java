package org.hearth.comments.host;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.CommentService;
import org.hearth.comments.moderation.ModerationQueue;

/**
 * What a site's moderators do, for a host's console: the queue of comments that wait (or were marked as spam), grouped
 * by page; decisions by comment id (approve, spam, delete, ban), each kept with the moderator's name and reason; bans
 * with a scope and an expiry, and lifting them; the commenters first-time moderation trusts, and withdrawing that trust.
 *
 * <pre>{@code
 * @Inject Moderation moderation;
 *
 * for (var group : moderation.queue(Moderation.Filter.PENDING, null, 0, 50)) { ... group.thread().title() ... }
 * moderation.decide(List.of(12L, 13L), ModerationAction.APPROVE, "welcome!", "Rosa");
 * moderation.ban(14L, BanScope.EMAIL, null, "spam again", "Rosa");
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class Moderation {

    /** Which comments the queue shows. */
    public enum Filter {
        PENDING(List.of(CommentStatus.PENDING)),
        SPAM(List.of(CommentStatus.SPAM)),
        ALL(List.of(CommentStatus.values()));

        private final List<CommentStatus> statuses;

        Filter(List<CommentStatus> statuses) {
            this.statuses = statuses;
        }

        /** The statuses of the comments it shows. */
        public List<CommentStatus> statuses() {
            return statuses;
        }
    }

    /**
     * A comment in the queue.
     *
     * @param parent    the comment it answers (its context), or null for a top-level comment
     * @param firstTime whether it is its writer's first comment
     * @param history   the decisions taken on it so far, oldest first
     */
    public record QueueItem(ModeratedComment comment, ModeratedComment parent, boolean firstTime, List<PastDecision> history) {
    }

    /** The queued comments of one thread, oldest first. */
    public record QueueGroup(ThreadSummary thread, List<QueueItem> items) {
    }

    /** A decision taken on a comment: what, why (empty when no reason was given), by whom and when. */
    public record PastDecision(ModerationAction action, String reason, String moderator, Instant createdAt) {
    }

    /**
     * What a decision on comments as a moderator saw them did.
     *
     * @param decided          the comments decided
     * @param changedMeanwhile the comments left as they are: gone, or no longer in the status the moderator saw (another
     *                         moderator decided on them first)
     */
    public record Outcome(List<Long> decided, List<Long> changedMeanwhile) {
    }

    @Inject
    private ModerationQueue queue;

    @Inject
    private CommentService comments;

    /**
     * One page of the queue, oldest first: {@code max} comments after the {@code first} oldest, grouped by thread
     * (groups in the order of their oldest comment on the page; a thread whose comments span two pages has a group on
     * each). A constant number of statements.
     *
     * @param threadKey only this thread's comments, or null for all threads
     */
    public List<QueueGroup> queue(Filter filter, String threadKey, int first, int max) {
        return queue.list(filter, threadKey, first, max).stream()
                .map(group -> new QueueGroup(Views.summary(group.thread()), group.items().stream()
                        .map(item -> new QueueItem(Views.moderated(item.comment()), Views.moderated(item.parent()), item.firstTime(),
                                item.history().stream().map(r -> new PastDecision(r.getAction(), r.getReason(), r.getModerator(),
                                        r.getCreatedAt())).toList()))
                        .toList()))
                .toList();
    }

    /** How many comments the filter finds (all pages of the queue together), in this thread or in all when null. */
    public long count(Filter filter, String threadKey) {
        return queue.count(filter, threadKey);
    }

    /** How many comments wait for moderation. */
    public long countPending() {
        return queue.countPending();
    }

    /** The comment with this id, whatever its status. */
    public Optional<ModeratedComment> comment(long commentId) {
        return comments.find(commentId).map(Views::moderated);
    }

    /**
     * Applies one decision to each of these comments and records it with the reason; {@link ModerationAction#BAN} bans
     * the e-mail and network address of each for the {@linkplain BanScope#defaultExpiry() default} time.
     *
     * @param moderator who decides (their name is kept with the record)
     * @throws IllegalArgumentException when a comment does not exist or the reason is too long (nothing is changed)
     */
    public void decide(Collection<Long> commentIds, ModerationAction action, String reason, String moderator) {
        queue.decide(commentIds, action, reason, moderator);
    }

    /**
     * Applies one decision to each comment still in the status the moderator saw it in, as {@link #decide}; the others
     * are left alone and reported. Of two moderators deciding on one comment at the same moment, the later commit fails
     * with an optimistic lock error and changes nothing.
     *
     * @param seen each comment's id and the status it was shown in
     */
    public Outcome decideAsSeen(Map<Long, CommentStatus> seen, ModerationAction action, String reason, String moderator) {
        return queue.decideAsSeen(seen, action, reason, moderator);
    }

    /**
     * Bans the writer of this comment: refuses their later comments by what {@code scope} names until {@code expiresAt}
     * or until lifted, marks the comment as spam, and records the decision with its reason.
     *
     * @param expiresAt when the ban ends by itself, or null for never (see {@link BanScope#defaultExpiry()})
     * @param moderator who bans (their name is kept with the ban)
     * @throws IllegalArgumentException when the comment does not exist, has no e-mail address to ban by, the expiry is
     *                                  not in the future or the reason is too long (nothing is changed)
     */
    public void ban(long commentId, BanScope scope, Instant expiresAt, String reason, String moderator) {
        queue.ban(commentId, scope, expiresAt, reason, moderator);
    }

    /**
     * Lifts a ban: the comments it refused are welcome again (the comment banned stays as it is).
     *
     * @throws IllegalArgumentException when there is no such ban
     */
    public void lift(long banId, String moderator) {
        queue.lift(banId, moderator);
    }

    /** The bans in force (neither expired nor lifted), newest first. */
    public List<BanRecord> activeBans(int max) {
        return queue.activeBans(max).stream().map(Views::ban).toList();
    }

    /** The bans that ended (expired or lifted), newest first. */
    public List<BanRecord> endedBans(int max) {
        return queue.endedBans(max).stream().map(Views::ban).toList();
    }

    /** The commenters first-time moderation trusts (those with an approved comment), most recent first; withdrawn ones excluded. */
    public List<TrustedCommenter> trusted(int max) {
        return queue.trusted(max);
    }

    /** Withdraws trust: this commenter's next comments wait for moderation again. */
    public void revokeTrust(String emailHash, String moderator) {
        queue.revokeTrust(emailHash, moderator);
    }
}

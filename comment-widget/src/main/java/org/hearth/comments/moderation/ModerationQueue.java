package org.hearth.comments.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Ban;
import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentModeration;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.host.BanScope;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.Moderation;
import org.hearth.comments.host.TrustedCommenter;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.host.ModerationAction;

/**
 * The moderators' queue: comments grouped by thread, oldest first, each with the comment it answers, first-time
 * commenters flagged; decisions (approve, spam, delete, ban) on one or many comments, each kept with its reason in
 * {@link ModerationRecord}s. Also the bans (banning with a scope and an expiry, the list, lifting them), and the trusted
 * commenters of first-time moderation and withdrawing their trust.
 *
 * <pre>{@code
 * var groups = queue.list(Moderation.Filter.PENDING, null, 0, 50); // the first page of all threads
 * long waiting = queue.count(Moderation.Filter.PENDING, null);
 * queue.decide(List.of(12L, 13L), ModerationAction.APPROVE, "welcome!", "Rosa");
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class ModerationQueue {

    /**
     * A comment in the queue.
     *
     * @param parent    the comment it answers (its context), or null for a top-level comment
     * @param firstTime whether it is its writer's first comment
     * @param history   the decisions taken on it so far, oldest first
     */
    public record Item(Comment comment, Comment parent, boolean firstTime, List<ModerationRecord> history) {
    }

    /** The queued comments of one thread, oldest first. */
    public record Group(CommentThread thread, List<Item> items) {
    }

    /** Comments {@link #trusted(int)} reads at a time. */
    private static final int TRUSTED_PAGE = 500;

    private static final String IN_QUEUE = "from Comment c where c.status in :statuses";
    private static final String IN_THREAD = " and c.threadId in (select t.id from CommentThread t where t.key = :thread)";

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentService comments;

    @Inject
    private CommentModeration moderation;

    @Inject
    private CommentContext context;

    /** The oldest {@code max} comments with the filter's statuses, grouped by thread (see {@link #list(Moderation.Filter, String, int, int)}). */
    public List<Group> list(Moderation.Filter filter, int max) {
        return list(filter, null, 0, max);
    }

    /**
     * One page of the comments with the filter's statuses, oldest first: {@code max} of them after the {@code first}
     * oldest, grouped by thread; groups come in the order of their oldest comment on the page, and comments oldest
     * first within them (a thread whose comments span two pages has a group on each). A constant number of statements.
     *
     * @param threadKey only this thread's comments, or null for all threads
     */
    public List<Group> list(Moderation.Filter filter, String threadKey, int first, int max) {
        var query = em.createQuery("select c " + IN_QUEUE + (threadKey == null ? "" : IN_THREAD) + " order by c.createdAt, c.id", Comment.class)
                .setParameter("statuses", filter.statuses())
                .setFirstResult(Math.max(0, first))
                .setMaxResults(max);
        if (threadKey != null) {
            query.setParameter("thread", threadKey);
        }
        var found = query.getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        var parents = context.answered(found);
        var threads = context.threads(found);
        var history = em.createNamedQuery("ModerationRecord.ofComments", ModerationRecord.class)
                .setParameter("ids", found.stream().map(Comment::getId).toList())
                .getResultStream()
                .collect(Collectors.groupingBy(ModerationRecord::getCommentId));
        var firstTime = context.firstTime(found);
        var groups = new LinkedHashMap<Long, List<Item>>();
        for (var comment : found) {
            groups.computeIfAbsent(comment.getThreadId(), k -> new ArrayList<>()).add(new Item(comment,
                    parents.get(comment.getId()), firstTime.contains(comment.getId()),
                    history.getOrDefault(comment.getId(), List.of())));
        }
        return groups.entrySet().stream().map(e -> new Group(threads.get(e.getKey()), List.copyOf(e.getValue()))).toList();
    }

    /** How many comments have the filter's statuses (all pages of the queue together), in this thread or in all when null. */
    public long count(Moderation.Filter filter, String threadKey) {
        var query = em.createQuery("select count(c) " + IN_QUEUE + (threadKey == null ? "" : IN_THREAD), Long.class)
                .setParameter("statuses", filter.statuses());
        if (threadKey != null) {
            query.setParameter("thread", threadKey);
        }
        return query.getSingleResult();
    }

    /** How many comments wait for moderation. */
    public long countPending() {
        return count(Moderation.Filter.PENDING, null);
    }

    /**
     * Applies one decision to each of these comments and records it with the reason. {@link ModerationAction#BAN} bans
     * the e-mail and network address of each with the default expiry ({@link BanScope#BOTH}); {@link #ban} lets the
     * moderator choose the scope and the expiry.
     *
     * @param moderator who decides (their name is kept with the record)
     * @throws IllegalArgumentException when a comment does not exist or the reason is too long (nothing is changed)
     */
    public void decide(Collection<Long> commentIds, ModerationAction action, String reason, String moderator) {
        for (var id : new HashSet<>(commentIds)) {
            var comment = comments.find(id).orElseThrow(() -> new IllegalArgumentException("No comment " + id));
            em.persist(new ModerationRecord(id, action, reason, moderator));
            switch (action) {
                case APPROVE -> moderation.approve(id);
                case SPAM -> moderation.markSpam(id);
                case DELETE -> moderation.delete(id);
                case BAN -> {
                    var scope = BanScope.BOTH;
                    persistBan(comment, scope, scope.defaultExpiry().map(Instant.now()::plus).orElse(null), reason, moderator);
                }
            }
        }
    }

    /**
     * Applies one decision to each comment still in the status the moderator saw it in, as {@link #decide(Collection,
     * ModerationAction, String, String)}; the others are left alone and reported. Two moderators deciding on one
     * comment at the same moment: the later commit fails with an optimistic lock error and changes nothing.
     *
     * @param seen each comment's id and the status it was shown in
     */
    public Moderation.Outcome decideAsSeen(Map<Long, CommentStatus> seen, ModerationAction action, String reason, String moderator) {
        var decided = new ArrayList<Long>();
        var changed = new ArrayList<Long>();
        for (var entry : new TreeMap<>(seen).entrySet()) {
            var comment = comments.find(entry.getKey());
            if (comment.isEmpty() || comment.get().getStatus() != entry.getValue()) {
                changed.add(entry.getKey());
            } else {
                decided.add(entry.getKey());
            }
        }
        decide(decided, action, reason, moderator);
        em.flush();
        return new Moderation.Outcome(List.copyOf(decided), List.copyOf(changed));
    }

    /**
     * Bans the writer of this comment: refuses their later comments by what {@code scope} names (the comment's e-mail
     * address, the network address it came from, or both) until {@code expiresAt} or until lifted, marks the comment
     * as spam, and records the decision with its reason.
     *
     * @param expiresAt when the ban ends by itself, or null for never (see {@link BanScope#defaultExpiry()})
     * @param moderator who bans (their name is kept with the ban)
     * @return the ban
     * @throws IllegalArgumentException when the comment does not exist, has no e-mail address to ban by, the expiry is
     *                                  not in the future or the reason is too long (nothing is changed)
     */
    public Ban ban(long commentId, BanScope scope, Instant expiresAt, String reason, String moderator) {
        var comment = comments.find(commentId).orElseThrow(() -> new IllegalArgumentException("No comment " + commentId));
        em.persist(new ModerationRecord(commentId, ModerationAction.BAN, reason, moderator));
        return persistBan(comment, scope, expiresAt, reason, moderator);
    }

    private Ban persistBan(Comment comment, BanScope scope, Instant expiresAt, String reason, String moderator) {
        var ban = Ban.of(comment, scope, expiresAt, reason, moderator);
        em.persist(ban);
        moderation.markSpam(comment.getId());
        return ban;
    }

    /** The bans in force (neither expired nor lifted), newest first. */
    public List<Ban> activeBans(int max) {
        return em.createNamedQuery("Ban.active", Ban.class).setParameter("now", Instant.now()).setMaxResults(max).getResultList();
    }

    /** The bans that ended (expired or lifted), newest first. */
    public List<Ban> endedBans(int max) {
        return em.createNamedQuery("Ban.ended", Ban.class).setParameter("now", Instant.now()).setMaxResults(max).getResultList();
    }

    /**
     * Lifts a ban: the comments it refused are welcome again (the comment banned stays as it is).
     *
     * @throws IllegalArgumentException when there is no such ban
     */
    public void lift(long banId, String moderator) {
        var ban = em.find(Ban.class, banId);
        if (ban == null) {
            throw new IllegalArgumentException("No ban " + banId);
        }
        ban.lift(moderator);
    }

    /**
     * The commenters first-time moderation trusts (by e-mail address: those with an approved comment), most recent
     * first; withdrawn ones excluded. The newest approved comments are read a page at a time until {@code max}
     * commenters are found, then only those commenters' comments are counted: on a site with 100,000 comments,
     * grouping all of them took a second.
     */
    public List<TrustedCommenter> trusted(int max) {
        var revoked = new HashSet<>(em.createNamedQuery("TrustRevocation.all", String.class).getResultList());
        var latest = newestCommenters(max, revoked);
        if (latest.isEmpty()) {
            return List.of();
        }
        var hashes = List.copyOf(latest.keySet());
        // One statement per commenter, on the index of addresses (email_hash, status, created_at): the team's own
        // comments are told apart here, since a condition on the badge makes Derby read every approved comment instead.
        var counts = new HashMap<String, Object[]>();
        for (var hash : hashes) {
            em.createQuery("""
                            select c.badge, max(c.authorName), count(c) from Comment c
                            where c.emailHash = :hash and c.status = :approved group by c.badge""", Object[].class)
                    .setParameter("hash", hash).setParameter("approved", CommentStatus.APPROVED).getResultStream()
                    .filter(row -> row[0] == null)
                    .forEach(row -> counts.put(hash, new Object[] {hash, row[1], row[2]}));
        }
        var confirmed = Set.copyOf(em.createQuery(
                "select a.emailHash from AddressConfirmation a where a.emailHash in :hashes and a.confirmedAt is not null", String.class)
                .setParameter("hashes", hashes).getResultList());
        return hashes.stream().filter(counts::containsKey).map(hash -> new TrustedCommenter(hash, (String) counts.get(hash)[1], (Long) counts.get(hash)[2],
                latest.get(hash), confirmed.contains(hash))).toList();
    }

    /**
     * The writers of the newest approved reader comments with an address, newest first, up to {@code max} of them:
     * looked for in the week before the newest such comment, then in windows four times as long, then in all. Derby cannot read the index on
     * (status, badge, time) backwards, so each window's comments are sorted; a window keeps that sort small.
     */
    private LinkedHashMap<String, Instant> newestCommenters(int max, Set<String> revoked) {
        // The newest approved comment with an address (the team's too), read from the index of addresses alone.
        var newest = em.createQuery("select max(c.createdAt) from Comment c where c.emailHash is not null and c.status = :approved", Instant.class)
                .setParameter("approved", CommentStatus.APPROVED).getSingleResult();
        if (newest == null) {
            return new LinkedHashMap<>();
        }
        for (long days = 7; ; days *= 4) {
            var since = days > 10_000 ? null : newest.minus(Duration.ofDays(days));
            var latest = new LinkedHashMap<String, Instant>();
            for (int first = 0; latest.size() < max; first += TRUSTED_PAGE) {
                var query = em.createQuery("select c.emailHash, c.createdAt from Comment c"
                                + " where c.status = :approved and c.badge is null and c.emailHash is not null"
                                + (since == null ? "" : " and c.createdAt >= :since") + " order by c.createdAt desc, c.id desc", Object[].class)
                        .setParameter("approved", CommentStatus.APPROVED)
                        .setFirstResult(first).setMaxResults(TRUSTED_PAGE);
                if (since != null) {
                    query.setParameter("since", since);
                }
                var page = query.getResultList();
                for (var row : page) {
                    if (latest.size() < max && !revoked.contains((String) row[0])) {
                        latest.putIfAbsent((String) row[0], (Instant) row[1]);
                    }
                }
                if (page.size() < TRUSTED_PAGE) {
                    break;
                }
            }
            if (latest.size() >= max || since == null) {
                return latest;
            }
        }
    }

    /** Withdraws trust: this commenter's next comments wait for moderation again. */
    public void revokeTrust(String emailHash, String moderator) {
        if (isRevoked(emailHash)) {
            return;
        }
        em.persist(new TrustRevocation(Objects.requireNonNull(emailHash, "emailHash"), moderator));
    }

    /** Whether a moderator withdrew the trust of the commenter with this e-mail fingerprint. */
    public boolean isRevoked(String emailHash) {
        return emailHash != null && em.createNamedQuery("TrustRevocation.count", Long.class)
                .setParameter("hash", emailHash).getSingleResult() > 0;
    }
}

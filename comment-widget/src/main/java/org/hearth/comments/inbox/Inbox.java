package org.hearth.comments.inbox;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentPosting;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.Commenter;
import org.hearth.comments.host.NewComment;
import org.hearth.comments.moderation.CommentContext;
import org.hearth.comments.schema.GetOrCreate;
import org.hearth.comments.security.Hashes;
import org.hearth.comments.host.TeamMember;
import org.hearth.comments.thread.CommentThread;

/**
 * The team's inbox: approved comments from readers that no team member has answered yet, oldest first, across all
 * threads. A team reply (a comment with a badge answering it) or a "no reply needed" dismissal takes a comment out.
 *
 * <pre>{@code
 * for (var item : inbox.unanswered(null, 0, 50)) { ... }
 * inbox.reply(item.comment().getId(), new TeamMember("Rosa", Badge.TEAM), "Thank you, welcome!");
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class Inbox {

    /**
     * A comment waiting for an answer.
     *
     * @param parent    the comment it answers, or null for a top-level comment
     * @param firstTime whether it is its writer's first comment
     */
    public record Item(Comment comment, CommentThread thread, Comment parent, boolean firstTime) {
    }

    /** Two subqueries rather than one with "or": each then uses its index (an "or" made Derby scan the table per row). */
    private static final String UNANSWERED = """
            from Comment c where c.status = :approved and c.badge is null
            and not exists (select r.id from Comment r where r.parentId = c.id and r.badge is not null and r.status = :approved)
            and not exists (select s.id from Comment s where s.replyToId = c.id and s.badge is not null and s.status = :approved)
            and not exists (select d.commentId from InboxDismissal d where d.commentId = c.id)""";

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private GetOrCreate getOrCreate;

    @Inject
    private CommentService comments;

    @Inject
    private CommentPosting posting;

    @Inject
    private CommentContext context;

    @Inject
    private InboxCounts counts;

    private static final String IN_THREAD = " and c.threadId in (select t.id from CommentThread t where t.key = :thread)";

    /** A first comment: no approved comment of the same writer (by e-mail, else by network address) came before it. */
    private static final String FIRST_BY_EMAIL = "c.emailHash is not null and not exists (select e.id from Comment e"
            + " where e.emailHash = c.emailHash and e.status = :approved and e.createdAt < c.createdAt)";
    private static final String FIRST_BY_CLIENT = "c.emailHash is null and not exists (select e.id from Comment e"
            + " where e.clientHash = c.clientHash and e.status = :approved and e.createdAt < c.createdAt)";

    /**
     * A page of unanswered comments, oldest first, in a constant number of statements.
     *
     * @param threadKey only this thread's comments, or null for all threads
     * @param first     how many to skip
     */
    public List<Item> unanswered(String threadKey, int first, int max) {
        return unanswered(threadKey, false, first, max);
    }

    /**
     * A page of unanswered comments, oldest first, as {@link #unanswered(String, int, int)}; with {@code firstTimersOnly}
     * only their writers' first comments (the ones to welcome).
     */
    public List<Item> unanswered(String threadKey, boolean firstTimersOnly, int first, int max) {
        List<Comment> found;
        if (threadKey == null) {
            found = pageOfAll(firstTimersOnly, first, max);
        } else {
            var firstOnly = firstTimersOnly ? " and ((" + FIRST_BY_EMAIL + ") or (" + FIRST_BY_CLIENT + "))" : "";
            found = em.createQuery("select c " + UNANSWERED + firstOnly + IN_THREAD + " order by c.createdAt, c.id", Comment.class)
                    .setParameter("approved", CommentStatus.APPROVED)
                    .setParameter("thread", threadKey)
                    .setFirstResult(Math.max(0, first))
                    .setMaxResults(max)
                    .getResultList();
        }
        if (found.isEmpty()) {
            return List.of();
        }
        var threads = context.threads(found);
        var parents = context.answered(found);
        var firstTime = context.firstTime(found);
        return found.stream().map(c -> new Item(c, threads.get(c.getThreadId()), parents.get(c.getId()), firstTime.contains(c.getId()))).toList();
    }

    /** How many comments wait for an answer (in this thread, or in all when null). */
    public long count(String threadKey) {
        if (threadKey == null) {
            return counts.current().unanswered();
        }
        return em.createQuery("select count(c) " + UNANSWERED + IN_THREAD, Long.class)
                .setParameter("approved", CommentStatus.APPROVED).setParameter("thread", threadKey).getSingleResult();
    }

    /**
     * How many first comments wait for an answer (in this thread, or in all when null): the first-timers to welcome.
     * Two counts rather than one with "or", so that each uses its index.
     */
    public long countFirstTimers(String threadKey) {
        if (threadKey == null) {
            return counts.current().firstTimers();
        }
        long count = 0;
        for (var first : List.of(FIRST_BY_EMAIL, FIRST_BY_CLIENT)) {
            count += em.createQuery("select count(c) " + UNANSWERED + " and " + first + IN_THREAD, Long.class)
                    .setParameter("approved", CommentStatus.APPROVED).setParameter("thread", threadKey).getSingleResult();
        }
        return count;
    }

    /*
     * Counts across all threads, set-based from the small side: a large site has many reader comments, few team replies
     * and dismissals, and one first comment per writer. Asked per comment (as the queries above do), Derby took 4-6 s
     * for 100,000 comments; these read the indexes of migration 21.1 (still about 2 s on Derby: InboxCounts keeps them).
     */

    /**
     * A page of the unanswered comments of all threads: their ids by a statement that names its page (OFFSET/FETCH), so
     * that the database reads the index in time order and stops after the page (with the page left to JDBC, Derby sorted
     * every approved comment: 3-4 s for 100,000), then the comments.
     */
    private List<Comment> pageOfAll(boolean firstTimersOnly, int first, int max) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT c.id FROM hc_comment c WHERE c.id IS NOT NULL\n" + UNANSWERED_SQL
                        + (firstTimersOnly ? FIRST_ONLY_SQL : "") + " ORDER BY c.created_at, c.id OFFSET ?2 ROWS FETCH NEXT ?3 ROWS ONLY")
                .setParameter(1, CommentStatus.APPROVED.name()).setParameter(2, Math.max(0, first)).setParameter(3, max)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        var order = ids.stream().map(Number::longValue).toList();
        var byId = em.createQuery("select c from Comment c where c.id in :ids", Comment.class).setParameter("ids", order)
                .getResultStream().collect(java.util.stream.Collectors.toMap(Comment::getId, c -> c));
        return order.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** {@link #FIRST_BY_EMAIL} or {@link #FIRST_BY_CLIENT} in SQL. */
    private static final String FIRST_ONLY_SQL = """

             AND (c.email_hash IS NOT NULL AND NOT EXISTS (SELECT e.id FROM hc_comment e
                     WHERE e.email_hash = c.email_hash AND e.status = ?1 AND e.created_at < c.created_at)
               OR c.email_hash IS NULL AND NOT EXISTS (SELECT e.id FROM hc_comment e
                     WHERE e.client_hash = c.client_hash AND e.status = ?1 AND e.created_at < c.created_at))""";

    /** The figures {@link InboxCounts} keeps, counted now across all threads. */
    public InboxCounts.Counts countAll() {
        var readers = countSql("SELECT COUNT(*) FROM hc_comment WHERE status = ?1 AND badge IS NULL");
        @SuppressWarnings("unchecked")
        List<Number> answered = em.createNativeQuery("""
                SELECT parent_id FROM hc_comment WHERE status = ?1 AND badge IS NOT NULL AND parent_id IS NOT NULL
                UNION SELECT reply_to_id FROM hc_comment WHERE status = ?1 AND badge IS NOT NULL AND reply_to_id IS NOT NULL
                UNION SELECT comment_id FROM hc_inbox_dismissal""").setParameter(1, CommentStatus.APPROVED.name()).getResultList();
        long out = 0;
        for (int from = 0; from < answered.size(); from += IN_LIST_MAX) {
            var chunk = answered.subList(from, Math.min(answered.size(), from + IN_LIST_MAX)).stream().map(Number::longValue).toList();
            out += em.createQuery("select count(c) from Comment c where c.id in :ids and c.status = :approved and c.badge is null", Long.class)
                    .setParameter("ids", chunk).setParameter("approved", CommentStatus.APPROVED).getSingleResult();
        }
        return new InboxCounts.Counts(readers, readers - out, countSql(FIRST_BY_EMAIL_ALL) + countSql(FIRST_BY_CLIENT_ALL));
    }

    private static final int IN_LIST_MAX = 500;

    private static final String UNANSWERED_SQL = """
             AND c.status = ?1 AND c.badge IS NULL
             AND NOT EXISTS (SELECT r.id FROM hc_comment r WHERE r.parent_id = c.id AND r.badge IS NOT NULL AND r.status = ?1)
             AND NOT EXISTS (SELECT s.id FROM hc_comment s WHERE s.reply_to_id = c.id AND s.badge IS NOT NULL AND s.status = ?1)
             AND NOT EXISTS (SELECT d.comment_id FROM hc_inbox_dismissal d WHERE d.comment_id = c.id)""";

    /** Unanswered first comments of writers with an e-mail address: each address's earliest approved comment. */
    private static final String FIRST_BY_EMAIL_ALL = """
            SELECT COUNT(*) FROM hc_comment c, (SELECT email_hash AS h, MIN(created_at) AS t FROM hc_comment
                WHERE email_hash IS NOT NULL AND status = ?1 GROUP BY email_hash) f
            WHERE c.email_hash = f.h AND c.created_at = f.t\n""" + UNANSWERED_SQL;

    /** Unanswered first comments without an address: the earliest approved comment from their network address. */
    private static final String FIRST_BY_CLIENT_ALL = """
            SELECT COUNT(*) FROM hc_comment c, (SELECT client_hash AS h, MIN(created_at) AS t FROM hc_comment
                WHERE status = ?1 GROUP BY client_hash) f
            WHERE c.client_hash = f.h AND c.created_at = f.t AND c.email_hash IS NULL\n""" + UNANSWERED_SQL;

    private long countSql(String sql) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, CommentStatus.APPROVED.name()).getSingleResult()).longValue();
    }

    /**
     * Answers a comment as this team member: the reply is published at once with their badge, and the comment leaves
     * the inbox.
     *
     * @throws org.hearth.comments.host.InvalidCommentException when the body breaks its rule or the comment is gone
     */
    public Comment reply(long commentId, TeamMember member, String body) {
        var comment = comments.find(commentId).filter(c -> c.getStatus() == CommentStatus.APPROVED)
                .orElseThrow(() -> new org.hearth.comments.host.InvalidCommentException("parentId", "unknown-parent",
                        "The comment you answer is not in this discussion."));
        var thread = em.find(CommentThread.class, comment.getThreadId());
        var team = Commenter.host(Hashes.sha256("team:" + member.name()));
        return posting.post(thread, new NewComment(thread.getKey(), commentId, member.name(), null, null, body), Optional.of(member), team);
    }

    /**
     * "No reply needed": the comment leaves the inbox.
     *
     * @throws IllegalArgumentException when there is no such comment
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void dismiss(long commentId, String by) {
        if (comments.find(commentId).isEmpty()) {
            throw new IllegalArgumentException("No comment " + commentId);
        }
        // Race-free: two moderators (or a double click) dismissing the same comment at once both succeed.
        getOrCreate.run(() -> {
            if (em.find(InboxDismissal.class, commentId) == null) {
                em.persist(new InboxDismissal(commentId, by));
            }
            return null;
        });
        counts.dismissed();
    }
}

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
        var firstOnly = firstTimersOnly ? " and ((" + FIRST_BY_EMAIL + ") or (" + FIRST_BY_CLIENT + "))" : "";
        var query = em.createQuery("select c " + UNANSWERED + firstOnly + (threadKey == null ? "" : IN_THREAD) + " order by c.createdAt, c.id", Comment.class)
                .setParameter("approved", CommentStatus.APPROVED)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(max);
        if (threadKey != null) {
            query.setParameter("thread", threadKey);
        }
        var found = query.getResultList();
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
        var query = em.createQuery("select count(c) " + UNANSWERED + (threadKey == null ? "" : IN_THREAD), Long.class)
                .setParameter("approved", CommentStatus.APPROVED);
        if (threadKey != null) {
            query.setParameter("thread", threadKey);
        }
        return query.getSingleResult();
    }

    /**
     * How many first comments wait for an answer (in this thread, or in all when null): the first-timers to welcome.
     * Two counts rather than one with "or", so that each uses its index.
     */
    public long countFirstTimers(String threadKey) {
        long count = 0;
        for (var first : List.of(FIRST_BY_EMAIL, FIRST_BY_CLIENT)) {
            var query = em.createQuery("select count(c) " + UNANSWERED + " and " + first + (threadKey == null ? "" : IN_THREAD), Long.class)
                    .setParameter("approved", CommentStatus.APPROVED);
            if (threadKey != null) {
                query.setParameter("thread", threadKey);
            }
            count += query.getSingleResult();
        }
        return count;
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
    }
}

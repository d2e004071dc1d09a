package org.hearth.comments.comment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Order;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.CommentThreadService;

/**
 * Shows comments: a thread's pages as a reader sees them, counts, a comment by id. Posting is {@link CommentPosting},
 * an author's own edits {@link AuthorEdits}, smiles {@link Smiles}, moderation {@link CommentModeration}.
 */
@ApplicationScoped
public class CommentService {

    /** How top-level comments are ordered. */
    public enum Sort {
        OLDEST, NEWEST, TOP
    }

    /**
     * One page of a thread.
     *
     * @param thread    the thread, or empty when nobody commented on it yet
     * @param comments  the visible top-level comments of this page, each with its replies
     * @param page      the page number, from 0
     * @param hasMore   whether a next page exists
     * @param topLevel  how many top-level comments the thread shows in all
     */
    public record ThreadPage(Optional<CommentThread> thread, List<CommentNode> comments, int page, boolean hasMore, long topLevel) {
    }

    private static final List<CommentStatus> SHOWN = List.of(CommentStatus.APPROVED, CommentStatus.DELETED);

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentThreadService threads;

    @Inject
    private CommentSettings settings;

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * One page of the thread with this key, as the reader sees it, in a constant number of SQL statements whatever
     * the thread's size: the thread, the page of top-level comments, their count, and all their replies.
     *
     * @param page   from 0
     * @param ownIds the comments the reader proved to have written (shown to them while pending)
     */
    public ThreadPage page(String threadKey, int page, Sort sort, Set<Long> ownIds) {
        var found = threads.find(threadKey);
        if (found.isEmpty()) {
            return new ThreadPage(found, List.of(), 0, false, 0);
        }
        var thread = found.get();
        var size = settings.pageSize();
        var first = Math.max(0, page);
        // The comments everyone sees, in index order (the index stops after one page): a condition on the reader's own
        // comments in the same query would make the database sort the whole thread first.
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Comment.class);
        var c = query.from(Comment.class);
        query.where(cb.equal(c.get("threadId"), thread.getId()), cb.isNull(c.get("parentId")), c.get("status").in(SHOWN));
        query.orderBy(order(cb, c, sort));
        // One row more on each side: the last of the previous page and the first of the next tell which of the
        // reader's own pending comments belong on this page, and whether there is a next one.
        int before = first > 0 ? 1 : 0;
        var rows = em.createQuery(query).setFirstResult(first * size - before).setMaxResults(size + 1 + before).getResultList();
        var previous = before == 1 && !rows.isEmpty() ? rows.getFirst() : null;
        var shown = rows.subList(Math.min(before, rows.size()), rows.size());
        boolean hasMore = shown.size() > size;
        var next = hasMore ? shown.get(size) : null;
        var topLevel = new ArrayList<>(hasMore ? shown.subList(0, size) : shown);
        var pending = ownPendingTopLevel(thread, ownIds);
        for (var mine : pending) {
            if ((first == 0 || previous != null && sortsBefore(previous, mine, sort)) && (next == null || sortsBefore(mine, next, sort))) {
                topLevel.add(mine);
            }
        }
        topLevel.sort(comparator(sort));
        var total = number(em.createNamedQuery("Comment.countVisibleTopLevel").setParameter(1, thread.getId())
                .setParameter(2, SHOWN.get(0).name()).setParameter(3, SHOWN.get(1).name()).getSingleResult())
                + pending.size();
        List<Comment> replies = topLevel.isEmpty() ? List.of() : em.createNamedQuery("Comment.repliesOfRoots", Comment.class)
                .setParameter("roots", topLevel.stream().map(Comment::getId).toList())
                .setParameter("hidden", CommentStatus.SPAM)
                .getResultList();
        return new ThreadPage(found, CommentTree.build(topLevel, replies, ownIds), first, hasMore, total);
    }

    /** The reader's own top-level comments of this thread that wait for moderation (only they see them). */
    private List<Comment> ownPendingTopLevel(CommentThread thread, Set<Long> ownIds) {
        if (ownIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("Comment.ownPendingTopLevel", Comment.class)
                .setParameter("thread", thread.getId()).setParameter("own", List.copyOf(ownIds)).getResultList();
    }

    private static List<Order> order(jakarta.persistence.criteria.CriteriaBuilder cb, jakarta.persistence.criteria.Root<Comment> c, Sort sort) {
        return switch (sort) {
            case OLDEST -> List.of(cb.asc(c.get("createdAt")), cb.asc(c.get("id")));
            case NEWEST -> List.of(cb.desc(c.get("createdAt")), cb.desc(c.get("id")));
            case TOP -> List.of(cb.desc(c.get("smiles")), cb.asc(c.get("createdAt")), cb.asc(c.get("id")));
        };
    }

    private static Comparator<Comment> comparator(Sort sort) {
        Comparator<Comment> oldest = Comparator.comparing(Comment::getCreatedAt).thenComparing(Comment::getId);
        return switch (sort) {
            case OLDEST -> oldest;
            case NEWEST -> oldest.reversed();
            case TOP -> Comparator.comparingInt(Comment::getSmiles).reversed().thenComparing(oldest);
        };
    }

    private static boolean sortsBefore(Comment a, Comment b, Sort sort) {
        return comparator(sort).compare(a, b) < 0;
    }

    /** The approved comments of each thread key (keys of unknown threads count 0), in the order given. */
    public Map<String, Long> countApproved(List<String> threadKeys) {
        var counts = new LinkedHashMap<String, Long>();
        threadKeys.forEach(k -> counts.put(k, 0L));
        if (!threadKeys.isEmpty()) {
            // One short count per thread, each in the thread's index (a grouped count over several threads reads them whole).
            em.createNamedQuery("CommentThread.idsByKey", Object[].class).setParameter("keys", List.copyOf(new HashSet<>(threadKeys)))
                    .getResultList().forEach(row -> counts.put((String) row[1],
                            number(em.createNamedQuery("Comment.countApproved").setParameter(1, row[0])
                                    .setParameter(2, CommentStatus.APPROVED.name()).getSingleResult())));
        }
        return counts;
    }

    /** The comment with this id, whatever its status. */
    public Optional<Comment> find(long id) {
        return Optional.ofNullable(em.find(Comment.class, id));
    }

}

package org.hearth.comments.comment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.transaction.Transactional;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.thread.ThreadRevisions;
import org.hearth.comments.host.CommentStatus;

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

    @Inject
    private ThreadRevisions revisions;

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * One page of the thread with this key, as the reader sees it. What everyone sees of it is kept in memory under the
     * thread's {@linkplain ThreadRevisions revision} (read first, from the database when it is shared), so it is read
     * again only after the thread changed, on whichever server: then in a constant number of SQL statements whatever
     * the thread's size (the page of top-level comments, their count, all their replies). A reader who proves comments
     * of this thread ({@code ownIds}) also gets those read whole (one more statement): shown while pending, with their
     * Markdown for the edit form.
     * <p>
     * The result is immutable and may be shared between requests: the comments in it are not managed (those the reader
     * owns excepted), never to be changed or stored.
     *
     * @param page   from 0
     * @param ownIds the comments the reader proved to have written (shown to them while pending)
     */
    public ThreadPage page(String threadKey, int page, Sort sort, Set<Long> ownIds) {
        return page(threadKey, page, sort, ownIds, false);
    }

    /**
     * One page of the thread as a signed-in member of the site's team sees it: as {@link #page(String, int, Sort, Set)},
     * with every comment that awaits moderation shown in its place, and the replies below a pending top-level comment
     * (read whole, one more statement).
     */
    public ThreadPage pageForTeam(String threadKey, int page, Sort sort, Set<Long> ownIds) {
        return page(threadKey, page, sort, ownIds, true);
    }

    private ThreadPage page(String threadKey, int page, Sort sort, Set<Long> ownIds, boolean team) {
        long revision = revisions.of(threadKey).number();
        var found = threads.find(threadKey);
        if (found.isEmpty()) {
            return new ThreadPage(found, List.of(), 0, false, 0);
        }
        var thread = found.get();
        var size = settings.pageSize();
        var first = Math.max(0, page);
        var kept = keptPages.get(new PageKey(thread.getId(), first, sort, size), revision, () -> readPage(thread, first, sort, size));
        var own = new ArrayList<Comment>();
        if (!ownIds.isEmpty()) {
            own.addAll(em.createNamedQuery("Comment.ownInThread", Comment.class)
                    .setParameter("thread", thread.getId()).setParameter("own", List.copyOf(ownIds)).getResultList());
        }
        if (team) {
            own.addAll(em.createNamedQuery("Comment.pendingInThread", Comment.class).setParameter("thread", thread.getId()).getResultList());
        }
        if (own.isEmpty()) {
            return new ThreadPage(found, kept.tree(), first, kept.hasMore(), kept.visibleTopLevel());
        }
        Map<Long, Comment> whole = new HashMap<>();
        own.forEach(c -> whole.put(c.getId(), c));
        var topLevel = new ArrayList<Comment>();
        kept.topLevel().forEach(c -> topLevel.add(whole.getOrDefault(c.getId(), c)));
        var pending = whole.values().stream().filter(c -> c.getParentId() == null && c.getStatus() == CommentStatus.PENDING).toList();
        for (var mine : pending) {
            if ((first == 0 || kept.previous() != null && sortsBefore(kept.previous(), mine, sort))
                    && (kept.next() == null || sortsBefore(mine, kept.next(), sort))) {
                topLevel.add(mine);
            }
        }
        topLevel.sort(comparator(sort));
        var replies = new ArrayList<Comment>();
        var listed = new HashSet<Long>();
        kept.replies().forEach(c -> {
            replies.add(whole.getOrDefault(c.getId(), c));
            listed.add(c.getId());
        });
        // The replies below a pending top-level comment, which no page everyone sees holds (read for the team).
        whole.values().stream().filter(c -> c.getParentId() != null && !listed.contains(c.getId())).forEach(replies::add);
        return new ThreadPage(found, CommentTree.build(topLevel, replies, ownIds, team), first, kept.hasMore(),
                kept.visibleTopLevel() + pending.size());
    }

    /** Which page of which thread, in which order, of how many top-level comments a page. */
    private record PageKey(long threadId, int page, Sort sort, int size) {
    }

    /**
     * What everyone sees of one page, as read from the database.
     *
     * @param previous        the last top-level comment of the page before, or null on the first page
     * @param topLevel        the top-level comments of the page (approved or deleted)
     * @param next            the first top-level comment of the next page, or null on the last
     * @param visibleTopLevel how many top-level comments the thread shows everyone
     * @param replies         every reply below the top-level comments, pending ones included (their authors see them)
     * @param tree            what a reader without comments of their own sees
     */
    private record PublicPage(Comment previous, List<Comment> topLevel, Comment next, boolean hasMore, long visibleTopLevel,
                              List<Comment> replies, List<CommentNode> tree) {

        /** About the bytes it holds: mostly the comments' HTML, as Java strings. */
        long weight() {
            return 512L + (topLevel.size() + replies.size()) * 400L
                    + 2L * (topLevel.stream().mapToLong(c -> c.getHtml().length()).sum() + replies.stream().mapToLong(c -> c.getHtml().length()).sum());
        }
    }

    /** The most kept of pages of comments, as estimated by {@link PublicPage#weight()}: about 16 MB. */
    private static final long KEPT_WEIGHT = 16L * 1024 * 1024;

    private final KeptPages<PageKey, PublicPage> keptPages = new KeptPages<>(KEPT_WEIGHT, PublicPage::weight);

    private PublicPage readPage(CommentThread thread, int first, Sort sort, int size) {
        // The comments everyone sees, in index order (the index stops after one page): a condition on the reader's own
        // comments in the same query would make the database sort the whole thread first.
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Object[].class);
        var c = selectListed(query);
        query.where(cb.equal(c.get("threadId"), thread.getId()), cb.isNull(c.get("parentId")), c.get("status").in(SHOWN));
        query.orderBy(order(cb, c, sort));
        // One row more on each side: the last of the previous page and the first of the next tell which of the
        // reader's own pending comments belong on this page, and whether there is a next one.
        int before = first > 0 ? 1 : 0;
        var rows = em.createQuery(query).setFirstResult(first * size - before).setMaxResults(size + 1 + before).getResultList()
                .stream().map(Comment::listed).toList();
        var previous = before == 1 && !rows.isEmpty() ? rows.getFirst() : null;
        var shown = rows.subList(Math.min(before, rows.size()), rows.size());
        boolean hasMore = shown.size() > size;
        var next = hasMore ? shown.get(size) : null;
        var topLevel = List.copyOf(hasMore ? shown.subList(0, size) : shown);
        var total = number(em.createNamedQuery("Comment.countVisibleTopLevel").setParameter(1, thread.getId())
                .setParameter(2, SHOWN.get(0).name()).setParameter(3, SHOWN.get(1).name()).getSingleResult());
        List<Comment> replies = List.of();
        if (!topLevel.isEmpty()) {
            var replyQuery = cb.createQuery(Object[].class);
            var r = selectListed(replyQuery);
            replyQuery.where(r.get("rootId").in(topLevel.stream().map(Comment::getId).toList()),
                    cb.notEqual(r.get("status"), CommentStatus.SPAM));
            replyQuery.orderBy(cb.asc(r.get("createdAt")), cb.asc(r.get("id")));
            replies = em.createQuery(replyQuery).getResultList().stream().map(Comment::listed).toList();
        }
        return new PublicPage(previous, topLevel, next, hasMore, total, replies, CommentTree.build(topLevel, replies, Set.of()));
    }

    /** Makes the query select the comments' attributes a page lists ({@link Comment#LISTED}); answers its root. */
    private static Root<Comment> selectListed(CriteriaQuery<Object[]> query) {
        var c = query.from(Comment.class);
        query.multiselect(Comment.LISTED.stream().<Selection<?>>map(c::get).toList());
        return c;
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

    /**
     * The approved comments of each thread key (keys of unknown threads count 0), in the order given. Each count is kept
     * in memory under its thread's {@linkplain ThreadRevisions revision}, so a thread is counted again only after it
     * changed (counting reads every comment of the thread in its index).
     */
    public Map<String, Long> countApproved(List<String> threadKeys) {
        var counts = new LinkedHashMap<String, Long>();
        threadKeys.forEach(k -> counts.put(k, 0L));
        if (!threadKeys.isEmpty()) {
            Map<String, Long> revisionsRead = new HashMap<>();
            counts.keySet().forEach(key -> revisionsRead.put(key, revisions.of(key).number()));
            em.createNamedQuery("CommentThread.idsByKey", Object[].class).setParameter("keys", List.copyOf(new HashSet<>(threadKeys)))
                    .getResultList().forEach(row -> {
                        var key = (String) row[1];
                        long threadId = ((Number) row[0]).longValue();
                        // One short count per thread, each in the thread's index (a grouped count over several threads reads them whole).
                        counts.put(key, approved(threadId, revisionsRead.get(key)));
                    });
        }
        return counts;
    }

    /** The approved comments of a thread already found, kept as {@link #countApproved(List)} keeps them. */
    public long countApproved(CommentThread thread) {
        return approved(thread.getId(), revisions.of(thread.getKey()).number());
    }

    private long approved(long threadId, long revision) {
        return keptCounts.get(threadId, revision, () -> number(em.createNamedQuery("Comment.countApproved")
                .setParameter(1, threadId).setParameter(2, CommentStatus.APPROVED.name()).getSingleResult()));
    }

    /** Approved counts, by thread id: a few bytes each, so the bound is about 100,000 threads. */
    private final KeptPages<Long, Long> keptCounts = new KeptPages<>(100_000, count -> 1);

    /** At most {@code max} approved comments of the thread, newest first (one statement; for its feed). */
    public List<Comment> newestApproved(CommentThread thread, int max) {
        return em.createNamedQuery("Comment.newestApproved", Comment.class).setParameter("thread", thread.getId()).setMaxResults(max)
                .getResultList();
    }

    /** The comment with this id, whatever its status. */
    public Optional<Comment> find(long id) {
        return Optional.ofNullable(em.find(Comment.class, id));
    }

}

package org.hearth.comments.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.security.Visitors;
import org.hearth.comments.thread.CommentThread;

/**
 * Finds comments, whatever their status, for a host's moderators: by a phrase in their text, their writer's name or
 * e-mail address (case-insensitive; the address itself is never handed out), or by the network address they were
 * posted from (an IPv4 or IPv6 address, matched by its keyed fingerprint, since addresses are not stored). Newest
 * first, in pages.
 *
 * <p>Comments have no full-text index (Derby has none, and the widget stays portable): the phrase is a {@code LIKE}
 * over the name, the address and the Markdown of each comment, so a search reads every comment once; an address
 * search uses the index on the fingerprint.
 *
 * <pre>{@code
 * var page = search.search("dark theme", 0, 20);
 * page.hits().forEach(hit -> link(hit.threadUrl() + "#comment-" + hit.commentId()));
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class CommentSearch {

    /** The longest phrase searched for, in characters. */
    public static final int QUERY_MAX = 100;

    private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+");

    /**
     * A comment found.
     *
     * @param status   {@code approved}, {@code pending}, {@code spam} or {@code deleted}
     * @param text     the comment's text as its writer typed it (Markdown: plain text to escape, never HTML)
     * @param threadUrl the address of the page of its discussion
     */
    public record Hit(long commentId, String threadKey, String threadTitle, String threadUrl, String authorName,
                      String status, Instant createdAt, String text) {
    }

    /** One page of hits, and how many comments match in all. */
    public record Results(List<Hit> hits, long total) {
    }

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private Visitors visitors;

    /**
     * The comments matching {@code query} (stripped), newest first: {@code max} of them after the {@code first}.
     * A blank query finds nothing.
     *
     * @throws IllegalArgumentException when the query is longer than {@value #QUERY_MAX} characters
     */
    public Results search(String query, int first, int max) {
        var phrase = query == null ? "" : query.strip();
        if (phrase.length() > QUERY_MAX) {
            throw new IllegalArgumentException("A search is at most " + QUERY_MAX + " characters long");
        }
        if (phrase.isEmpty()) {
            return new Results(List.of(), 0);
        }
        var cb = em.getCriteriaBuilder();
        var count = cb.createQuery(Long.class);
        var counted = count.from(Comment.class);
        count.select(cb.count(counted)).where(matching(cb, counted, phrase));
        long total = em.createQuery(count).getSingleResult();
        if (total == 0) {
            return new Results(List.of(), 0);
        }
        var select = cb.createQuery(Comment.class);
        var comment = select.from(Comment.class);
        select.select(comment).where(matching(cb, comment, phrase)).orderBy(cb.desc(comment.get("createdAt")), cb.desc(comment.get("id")));
        var found = em.createQuery(select).setFirstResult(Math.max(0, first)).setMaxResults(max).getResultList();
        var threadIds = found.stream().map(Comment::getThreadId).distinct().toList();
        Map<Long, CommentThread> threads = threadIds.isEmpty() ? Map.of() : em.createQuery(
                        "select t from CommentThread t where t.id in :ids", CommentThread.class).setParameter("ids", threadIds)
                .getResultStream().collect(Collectors.toMap(CommentThread::getId, Function.identity()));
        var hits = new ArrayList<Hit>();
        for (var c : found) {
            var thread = threads.get(c.getThreadId());
            hits.add(new Hit(c.getId(), thread.getKey(), thread.getTitle(), thread.getUrl(), c.getAuthorName(), c.getStatus().apiName(), c.getCreatedAt(), c.getMarkdown()));
        }
        return new Results(List.copyOf(hits), total);
    }

    private Predicate matching(CriteriaBuilder cb, Root<Comment> comment, String phrase) {
        if (ADDRESS.matcher(phrase).matches()) {
            return cb.equal(comment.get("clientHash"), visitors.clientHash(phrase));
        }
        var pattern = "%" + phrase.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return cb.or(cb.like(cb.lower(comment.get("authorName")), pattern, '\\'),
                cb.like(cb.lower(comment.get("authorEmail")), pattern, '\\'),
                cb.like(cb.lower(comment.get("markdown")), pattern, '\\'));
    }
}

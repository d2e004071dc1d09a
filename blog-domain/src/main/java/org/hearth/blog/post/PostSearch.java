package org.hearth.blog.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;

/**
 * Finds the posts readers see whose title or body contains every word of a query ({@link SearchTerms}), with
 * portable {@code LOWER}/{@code LIKE} on the title and the lowercased plain text of the body, so it runs the same on
 * Derby and PostgreSQL. Ranking: posts with more of the words in their title first, then newest first.
 */
@ApplicationScoped
@Transactional
public class PostSearch {

    /** How many matching posts are read before ranking. */
    static final int CANDIDATES_MAX = 200;

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager em;

    /**
     * The posts readers see that match every word of {@code query}, best first; none for a query without words.
     *
     * @param max how many posts at most
     */
    public List<Post> search(String query, int max) {
        return search(query, max, false);
    }

    /** The posts of every status (drafts and scheduled ones too) that match every word of {@code query}, for the team. */
    public List<Post> searchAll(String query, int max) {
        return search(query, max, true);
    }

    private List<Post> search(String query, int max, boolean unpublishedToo) {
        var terms = SearchTerms.of(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        var cb = em.getCriteriaBuilder();
        var criteria = cb.createQuery(Post.class);
        var post = criteria.from(Post.class);
        post.fetch("author");
        var rules = new ArrayList<Predicate>();
        if (!unpublishedToo) {
            rules.add(cb.equal(post.get("status"), PostStatus.PUBLISHED));
            rules.add(cb.lessThanOrEqualTo(post.<Instant>get("publishedAt"), Instant.now()));
        }
        for (var term : terms) {
            var pattern = "%" + escapeLike(term) + "%";
            rules.add(cb.or(cb.like(cb.lower(post.get("title")), pattern, '\\'), cb.like(post.get("searchText"), pattern, '\\')));
        }
        criteria.select(post).where(rules.toArray(Predicate[]::new)).orderBy(cb.desc(post.get("publishedAt")), cb.desc(post.get("id")));
        var found = em.createQuery(criteria).setMaxResults(CANDIDATES_MAX).getResultList();
        return found.stream()
                .sorted(Comparator.comparingLong((Post p) -> -titleMatches(p, terms)).thenComparing(Post::getPublishedAt, Comparator.nullsFirst(Comparator.reverseOrder())))
                .limit(max)
                .toList();
    }

    private static long titleMatches(Post post, List<String> terms) {
        var title = post.getTitle().toLowerCase(Locale.ROOT);
        return terms.stream().filter(title::contains).count();
    }

    /** {@code text} with the LIKE wildcards and the escape character itself escaped by a backslash. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

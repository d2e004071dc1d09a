package org.hearth.comments.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.search.CommentWordBacklog;
import org.hearth.comments.search.SearchWords;
import org.hearth.comments.security.Visitors;
import org.hearth.comments.thread.CommentThread;

/**
 * Finds comments, whatever their status, for a host's moderators: by the words of their text, their writer's name or
 * e-mail address (the address itself is never handed out), or by the network address they were posted from (an IPv4
 * or IPv6 address, matched by its keyed fingerprint, since addresses are not stored). Newest first, in pages.
 *
 * <p>What matches: a comment matches when each word of the search begins a word of its text, name or e-mail address
 * ({@code "dark them"} finds "the theme is dark"; {@code "ark"} does not find "dark"). Words are compared in
 * {@link org.hearth.comments.search.SearchWords}' normal form: any case, accents dropped ("cafe" finds "Café"),
 * compatibility characters unified; letters and digits make words, anything else separates them (so punctuation is
 * not searched for). Of the search, the first {@value #WORDS_MAX} words count.
 *
 * <p>It is fast on Derby and PostgreSQL alike, which have no common full-text index: the widget keeps its own word
 * index ({@code hc_comment_word}) whenever a comment is written (imported ones soon after: {@link #waiting()}), and a search reads a range of it per word (index
 * only), then loads the page of comments it shows. An address search uses the index on the fingerprint.
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

    /** The most words of a search that count. */
    public static final int WORDS_MAX = 8;

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

    @Inject
    private CommentWordBacklog backlog;

    /**
     * How many comments a search by words cannot find yet: imported ones whose words are still being indexed in the
     * background (they are found once it is done; a search by address finds them already).
     */
    public long waiting() {
        return backlog.waiting();
    }

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
        List<Long> matching = ADDRESS.matcher(phrase).matches() ? fromAddress(phrase) : withWords(SearchWords.split(phrase));
        if (matching.isEmpty()) {
            return new Results(List.of(), 0);
        }
        var pageIds = matching.subList(Math.min(matching.size(), Math.max(0, first)), Math.min(matching.size(), Math.max(0, first) + max));
        Map<Long, Comment> byId = pageIds.isEmpty() ? Map.of() : em.createQuery("select c from Comment c where c.id in :ids", Comment.class)
                .setParameter("ids", pageIds).getResultStream().collect(Collectors.toMap(Comment::getId, Function.identity()));
        var found = pageIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        var threadIds = found.stream().map(Comment::getThreadId).distinct().toList();
        Map<Long, CommentThread> threads = threadIds.isEmpty() ? Map.of() : em.createQuery(
                        "select t from CommentThread t where t.id in :ids", CommentThread.class).setParameter("ids", threadIds)
                .getResultStream().collect(Collectors.toMap(CommentThread::getId, Function.identity()));
        var hits = new ArrayList<Hit>();
        for (var c : found) {
            var thread = threads.get(c.getThreadId());
            hits.add(new Hit(c.getId(), thread.getKey(), thread.getTitle(), thread.getUrl(), c.getAuthorName(), c.getStatus().apiName(), c.getCreatedAt(), c.getMarkdown()));
        }
        return new Results(List.copyOf(hits), matching.size());
    }

    /** The comments posted from this network address, newest first. */
    private List<Long> fromAddress(String address) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Long.class);
        var comment = query.from(Comment.class);
        query.select(comment.get("id")).where(cb.equal(comment.get("clientHash"), visitors.clientHash(address)))
                .orderBy(cb.desc(comment.get("createdAt")), cb.desc(comment.get("id")));
        return em.createQuery(query).getResultList();
    }

    /** The comments that have, for each of these words, a word beginning with it; newest first. */
    private List<Long> withWords(List<String> words) {
        Map<Long, Instant> matches = null;
        for (var word : words.stream().distinct().limit(WORDS_MAX).sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            var withWord = new HashMap<Long, Instant>();
            var after = SearchWords.after(word);
            var query = em.createNamedQuery(after == null ? "CommentWord.byPrefixToEnd" : "CommentWord.byPrefix", Object[].class)
                    .setParameter("from", word)
                    .setParameter("prefix", word + "%"); // words hold letters and digits only: no wildcard
            if (after != null) {
                query.setParameter("to", after);
            }
            var known = matches;
            query.getResultStream().filter(row -> known == null || known.containsKey((Long) row[0]))
                    .forEach(row -> withWord.put((Long) row[0], (Instant) row[1]));
            matches = withWord;
            if (matches.isEmpty()) {
                break;
            }
        }
        if (matches == null) {
            return List.of();
        }
        return matches.entrySet().stream()
                .sorted(Map.Entry.<Long, Instant>comparingByValue().reversed().thenComparing(Map.Entry.<Long, Instant>comparingByKey().reversed()))
                .map(Map.Entry::getKey).toList();
    }
}

package org.hearth.web.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostSearch;
import org.hearth.comments.host.CommentSearch;
import org.hearth.web.Messages;
import org.hearth.web.search.Highlighter;

/**
 * The console's search ({@code /console/moderation/search.xhtml?q=}): comments of every status by a phrase in their
 * text, name or e-mail address, or by the network address they came from, newest first in pages of
 * {@value #PAGE_SIZE}; and posts of every status by their words. What matched is marked in text escaped first; each
 * comment links into its thread ({@code #comment-{id}}) when readers see it, else to its place in the queue.
 */
@Named
@RequestScoped
public class ConsoleSearchPage {

    static final int PAGE_SIZE = 25;
    static final int POSTS_MAX = 10;
    static final int SNIPPET_LENGTH = 240;

    /** A comment found, with its writer's name and its text as safe HTML, the phrase marked. */
    public record CommentHit(CommentSearch.Hit hit, String nameHtml, String snippetHtml, String link) {
    }

    /** A post found, with its title and a snippet as safe HTML, the words marked. */
    public record PostHit(Post post, String titleHtml, String snippetHtml) {
    }

    @Inject
    private CommentSearch comments;

    @Inject
    private PostSearch posts;

    @Inject
    private Messages messages;

    private String query = "";
    private int page = 1;
    private CommentSearch.Results results;
    private List<PostHit> postHits;
    private boolean tooLong;
    private Long indexing;

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query.strip();
        tooLong = this.query.length() > CommentSearch.QUERY_MAX;
        if (tooLong) {
            messages.error(null, "console.search.tooLong", CommentSearch.QUERY_MAX);
        }
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, Math.min(page, 10_000));
    }

    /** Whether there is something to search for. */
    public boolean isSearched() {
        return !query.isEmpty() && !tooLong;
    }

    private CommentSearch.Results results() {
        if (results == null) {
            results = isSearched() ? comments.search(query, (page - 1) * PAGE_SIZE, PAGE_SIZE) : new CommentSearch.Results(List.of(), 0);
        }
        return results;
    }

    public long getCommentTotal() {
        return results().total();
    }

    /** How many imported comments a search by words cannot find yet (their words are being indexed), when searched. */
    public long getIndexing() {
        if (indexing == null) {
            indexing = isSearched() ? comments.waiting() : 0;
        }
        return indexing;
    }

    public int getLastPage() {
        return (int) Math.max(1, (results().total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public List<CommentHit> getCommentHits() {
        // the phrase where it occurs whole (as marked before the word index), else each word of it (CommentSearch matches by words)
        var terms = new java.util.ArrayList<>(List.of(query.strip()));
        java.util.Arrays.stream(query.split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty()).forEach(terms::add);
        var highlighter = new Highlighter(terms);
        return results().hits().stream().map(hit -> new CommentHit(hit, highlighter.highlight(hit.authorName()),
                highlighter.snippet(hit.text(), SNIPPET_LENGTH), link(hit))).toList();
    }

    private static String link(CommentSearch.Hit hit) {
        return hit.status().equals("approved") ? hit.threadUrl() + "#comment-" + hit.commentId()
                : "index.xhtml?filter=all&post=" + URLEncoder.encode(hit.threadKey(), StandardCharsets.UTF_8) + "#queued-" + hit.commentId();
    }

    public List<PostHit> getPostHits() {
        if (postHits == null) {
            var highlighter = new Highlighter(org.hearth.blog.post.SearchTerms.of(query));
            postHits = isSearched() ? posts.searchAll(query, POSTS_MAX).stream()
                    .map(post -> new PostHit(post, highlighter.highlight(post.getTitle()),
                            highlighter.snippet(post.getFormat().plainText(post.getMarkdown()), SNIPPET_LENGTH)))
                    .toList() : List.of();
        }
        return postHits;
    }

    /** The query string of this search at this page. */
    public String at(int toPage) {
        return "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + (toPage > 1 ? "&page=" + toPage : "");
    }
}

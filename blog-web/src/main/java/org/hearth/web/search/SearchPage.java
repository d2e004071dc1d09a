package org.hearth.web.search;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostSearch;
import org.hearth.blog.post.SearchTerms;

/**
 * The search page, {@code /search?q=}: the posts matching every word, best first, with the words marked in title and
 * snippet. Any query is accepted; what is echoed is escaped.
 */
@Named
@RequestScoped
public class SearchPage {

    static final int RESULTS_MAX = 30;
    static final int SNIPPET_LENGTH = 240;

    /** A found post with its title and a snippet of its body as safe HTML, the query's words marked. */
    public record Hit(Post post, String titleHtml, String snippetHtml) {
    }

    @Inject
    private PostSearch search;

    @Inject
    private FacesContext faces;

    private String query;
    private List<Hit> hits;

    /** The query as searched: cut and cleaned, shown escaped. */
    public String getQuery() {
        if (query == null) {
            query = SearchTerms.clean(faces.getExternalContext().getRequestParameterMap().get("q"));
        }
        return query;
    }

    /** Whether the reader asked for something (a query with at least one word). */
    public boolean isSearched() {
        return !SearchTerms.of(getQuery()).isEmpty();
    }

    public List<Hit> getHits() {
        if (hits == null) {
            var terms = SearchTerms.of(getQuery());
            var highlighter = new Highlighter(terms);
            hits = search.search(getQuery(), RESULTS_MAX).stream()
                    .map(post -> new Hit(post, highlighter.highlight(post.getTitle()),
                            highlighter.snippet(post.getFormat().plainText(post.getMarkdown()), SNIPPET_LENGTH)))
                    .toList();
        }
        return hits;
    }
}

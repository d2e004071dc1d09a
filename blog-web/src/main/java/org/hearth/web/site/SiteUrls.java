package org.hearth.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.hearth.blog.author.Author;
import org.hearth.blog.post.Post;
import org.hearth.web.post.PostPermalinks;

/**
 * Absolute URLs of the site, for canonical links, link previews and share links. The base is taken from the system
 * property {@value #BASE_URL_PROPERTY} (set it when Hearth runs behind a reverse proxy, e.g.
 * {@code https://blog.example.org}), else from the request.
 */
@Named
@RequestScoped
public class SiteUrls {

    /** The system property naming the public base URL, without a trailing slash. */
    public static final String BASE_URL_PROPERTY = "hearth.base-url";

    @Inject
    private HttpServletRequest request;

    /** The public base URL, such as {@code https://blog.example.org} or {@code http://localhost:8080/hearth}. */
    public String getBase() {
        var configured = System.getProperty(BASE_URL_PROPERTY, "").strip();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        var scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }

    public String getHome() {
        return getBase() + "/";
    }

    /** The permalink of a post. */
    public String post(Post post) {
        return getBase() + PostPermalinks.path(post);
    }

    /** The key of a post's comment thread and share counts (see {@link PostPermalinks#threadKey}). */
    public String threadKey(Post post) {
        return PostPermalinks.threadKey(post);
    }

    /** The page of an author. */
    public String author(Author author) {
        return getBase() + "/authors/" + author.getSlug();
    }

    /** The image link previews show when a page has none of its own (1200×630). */
    public String getDefaultImage() {
        return getBase() + "/static/og-default.jpg";
    }
}

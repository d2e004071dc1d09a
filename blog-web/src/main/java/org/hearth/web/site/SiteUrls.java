package org.hearth.web.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.hearth.blog.author.Author;
import org.hearth.blog.post.Post;
import org.hearth.comments.host.DiscussionIds;
import org.hearth.web.feed.SiteAddress;
import org.hearth.web.post.PostPermalinks;

/**
 * Absolute URLs of the site, for canonical links, link previews and share links. The base is taken from the system
 * property {@value SiteAddress#PROPERTY} (set it when Hearth runs behind a reverse proxy, e.g.
 * {@code https://blog.example.org}), else from the request.
 */
@Named
@ApplicationScoped
public class SiteUrls {

    @Inject
    private HttpServletRequest request;

    /** The public base URL, such as {@code https://blog.example.org} or {@code http://localhost:8080/hearth}. */
    public String getBase() {
        return SiteAddress.of(request);
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

    /** The id of a post's discussion on its page: the anchor of links to its comments. */
    public String discussionId(Post post) {
        return DiscussionIds.section(PostPermalinks.threadKey(post));
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

package org.hearth.web.feed;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;
import org.hearth.comments.host.CommentFeeds;
import org.hearth.comments.host.PageHints;
import org.hearth.web.cache.PageVersions;
import org.hearth.web.language.ReaderLanguages;
import org.hearth.web.cache.Validators;
import org.hearth.web.post.PostPermalinks;

/**
 * {@code /feeds/comments/{slug}.atom}: the comment feed of a post readers see, as the widget writes it
 * ({@link CommentFeeds}: the newest approved comments, Atom 1.0), at the blog's address and in the reader's language. A
 * post the readers cannot see is a 404. Answers conditional GETs: a new, edited or moderated comment changes the tag.
 */
@WebServlet(name = "CommentFeeds", urlPatterns = "/feeds/comments/*")
public class CommentFeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern ADDRESS = Pattern.compile("/(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\\.atom");

    @Inject
    private transient PostService posts;

    @Inject
    private transient ReaderLanguages languages;

    @Inject
    private transient CommentFeeds feeds;

    @Inject
    private transient PageVersions versions;

    @Inject
    private transient PageHints hints;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var matcher = ADDRESS.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        var post = matcher.matches() ? posts.findVisible(matcher.group("slug")) : Optional.<Post>empty();
        if (post.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var path = PostPermalinks.path(post.get());
        var discussion = hints.revision(PostPermalinks.threadKey(post.get()));
        var version = versions.of(path, "comments-" + post.get().getId() + "-r" + discussion.number() + "-" + languages.of(request).toLanguageTag(),
                post.get().getUpdatedAt(), discussion.changedAt());
        response.setHeader("Cache-Control", "public, max-age=300");
        if (Validators.answeredNotModified(request, response, version)) {
            return;
        }
        var site = SiteAddress.of(request);
        var atom = feeds.atom(PostPermalinks.threadKey(post.get()), post.get().getTitle(), post.get().getPublishedAt(), site + path,
                site + "/feeds/comments" + request.getPathInfo(), languages.of(request));
        response.setContentType("application/atom+xml;charset=UTF-8");
        response.getWriter().write(atom);
    }
}

package org.hearth.web.post;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.Slugs;
import org.hearth.web.cache.PageCache;

/**
 * Serves the permalink {@code /posts/{slug}} with the view {@code /post.xhtml}, the slug handed over as the request
 * attribute {@value #SLUG}, through the {@link PageCache}. Anything else under {@code /posts/} is a 404.
 */
@WebFilter(filterName = "PostPermalinks", urlPatterns = "/posts/*", dispatcherTypes = DispatcherType.REQUEST)
public class PostPermalinks extends HttpFilter {

    /** The request attribute holding the requested slug. */
    public static final String SLUG = "org.hearth.web.post.slug";

    private static final String PREFIX = "/posts/";
    private static final long serialVersionUID = 1L;

    @Inject
    private transient PageCache pages;

    /**
     * The key of a post's comment thread and share counts. It names the post by id, so its discussion and counts stay
     * with it when its slug changes.
     */
    public static String threadKey(Post post) {
        return "post-" + post.getId();
    }

    /** The id of the post whose thread has this key, or empty for another thread (see {@link #threadKey}). */
    public static java.util.OptionalLong postId(String threadKey) {
        if (threadKey == null || !threadKey.matches("post-[0-9]{1,18}")) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(Long.parseLong(threadKey.substring("post-".length())));
    }

    /** The permalink of a post, relative to the context root. */
    public static String path(Post post) {
        return PREFIX + post.getSlug();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The filter mapping does not decide the servlet path: take the whole decoded path inside the application.
        var path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        var slug = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : null;
        if (!Slugs.isValid(slug, Post.SLUG_MAX)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(SLUG, slug);
        pages.serve(request, response, slug, into -> request.getRequestDispatcher("/post.xhtml").forward(request, into));
    }
}

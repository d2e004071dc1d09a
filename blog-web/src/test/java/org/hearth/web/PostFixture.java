package org.hearth.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.author.AuthorService;
import org.hearth.blog.post.PostService;
import org.hearth.web.post.PostPermalinks;

/**
 * Test only (added to test deployments, never to the real WAR): {@code POST /it/posts?title=} publishes a new post by
 * the first author, dated a minute ago, whose discussion nobody has opened yet, and answers its permalink path
 * (relative to the context root, without a leading slash); {@code DELETE /it/posts?path=} unpublishes it again, so
 * that tests of the home page (which share the database) keep finding the demo site's newest post first.
 */
@WebServlet("/it/posts")
public class PostFixture extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuthorService authors;

    @Inject
    private PostService posts;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var draft = posts.draft(authors.findAll().getFirst(), request.getParameter("title"), "A post for a test.", "", List.of());
        var post = posts.publish(draft.getId(), Instant.now().minusSeconds(60));
        response.setContentType("text/plain");
        response.getWriter().print(PostPermalinks.path(post).substring(1));
        published.put(PostPermalinks.path(post).substring(1), post.getId());
    }

    private static final java.util.Map<String, Long> published = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        var id = published.remove(request.getParameter("path"));
        if (id != null) {
            posts.unpublish(id);
        }
        response.setStatus(id == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_NO_CONTENT);
    }
}

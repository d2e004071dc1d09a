package org.hearth.web;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.comment.CommentPosting;
import org.hearth.comments.host.Commenter;
import org.hearth.comments.host.NewComment;
import org.hearth.comments.thread.CommentThreadService;

/**
 * Test only (added to test deployments, never to the real WAR): {@code POST /it/comments?thread=KEY&count=N} adds N
 * comments from N newcomers (so they wait for moderation) to the thread, registering it when new, oldest first, and
 * answers their ids, one a line; {@code name} and {@code email} (optional) sign them otherwise than "Reader i" without an
 * address; {@code parent} makes them replies to that comment (as its author would write them). Unlike posting through the API, it leaves the test client's rate limit alone.
 */
@WebServlet("/it/comments")
public class CommentFixture extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private CommentThreadService threads;

    @Inject
    private CommentPosting comments;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        var key = request.getParameter("thread");
        var thread = threads.register(key, "Thread " + key, "https://example.org/" + key);
        response.setContentType("text/plain");
        var out = response.getWriter();
        var parent = request.getParameter("parent") == null ? null : Long.valueOf(request.getParameter("parent"));
        for (int i = 0; i < Integer.parseInt(request.getParameter("count")); i++) {
            var newcomer = new Commenter(UUID.randomUUID().toString(), parent == null ? Set.of() : Set.of(parent), Instant.now().minusSeconds(60), null, null);
            var name = request.getParameter("name") == null ? "Reader " + i : request.getParameter("name");
            out.println(comments.post(thread, new NewComment(key, parent, name, request.getParameter("email"), null,
                    parent == null ? "Comment number " + i + " of many." : "Reply number " + i + " to comment " + parent + "."), newcomer).getId());
        }
    }
}

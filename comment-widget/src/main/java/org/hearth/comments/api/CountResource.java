package org.hearth.comments.api;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.hearth.comments.comment.CommentService;
import org.hearth.comments.comment.InvalidCommentException;

/** {@code GET /api/counts?thread=k1&thread=k2} → {@code {"k1": n, "k2": m}}: approved comments per thread. */
@Path("counts")
@Produces(MediaType.APPLICATION_JSON)
public class CountResource {

    /** How many threads one request may ask about. */
    public static final int MAX_THREADS = 100;

    @Inject
    private CommentService comments;

    @GET
    public Map<String, Long> counts(@QueryParam("thread") List<String> threads) {
        if (threads == null || threads.isEmpty()) {
            throw new InvalidCommentException("thread", "missing", "Name at least one thread: ?thread=key1&thread=key2");
        }
        if (threads.size() > MAX_THREADS) {
            throw new InvalidCommentException("thread", "too-many", "Ask about at most " + MAX_THREADS + " threads at once.");
        }
        return comments.countApproved(threads);
    }
}

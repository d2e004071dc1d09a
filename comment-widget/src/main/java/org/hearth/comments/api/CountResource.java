package org.hearth.comments.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hearth.comments.comment.CommentService;
import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.share.ShareCounter;
import org.hearth.comments.host.ShareNetwork;
import org.hearth.comments.host.ShareTally;
import org.hearth.comments.thread.CommentThreadService;

/**
 * {@code GET /api/counts?thread=k1&thread=k2} → {@code {"k1": n, "k2": m}}: approved comments per thread.
 * <p>
 * With {@code &shares=true}, each thread's entry also carries its share counts:
 * {@code {"k1": {"comments": n, "shares": 7, "networks": {"x": 2, "linkedin": 5, ...}}}}.
 */
@Path("counts")
@Produces(MediaType.APPLICATION_JSON)
public class CountResource {

    /** How many threads one request may ask about. */
    public static final int MAX_THREADS = 100;

    @Inject
    private CommentService comments;

    @Inject
    private CommentThreadService threadService;

    @Inject
    private ShareCounter shares;

    /**
     * The counts by thread key: a number each, or with {@code shares=true} an object each. A {@link Response}, since the
     * two shapes have no common entity type (Jersey warns at deployment about a return type it cannot resolve).
     */
    @GET
    public Response counts(@QueryParam("thread") List<String> threads, @QueryParam("shares") boolean withShares) {
        if (threads == null || threads.isEmpty()) {
            throw new InvalidCommentException("thread", "missing", "Name at least one thread: ?thread=key1&thread=key2");
        }
        if (threads.size() > MAX_THREADS) {
            throw new InvalidCommentException("thread", "too-many", "Ask about at most " + MAX_THREADS + " threads at once.");
        }
        var approved = comments.countApproved(threads);
        if (!withShares) {
            return Response.ok(approved).build();
        }
        var known = new LinkedHashMap<String, Long>();
        threads.forEach(key -> threadService.find(key).ifPresent(thread -> known.put(key, thread.getId())));
        var tallies = shares.tallies(known.values());
        var result = new LinkedHashMap<String, ThreadCounts>();
        approved.forEach((key, count) -> {
            var tally = known.containsKey(key) ? tallies.getOrDefault(known.get(key), ShareTally.NONE) : ShareTally.NONE;
            var networks = new LinkedHashMap<String, Long>();
            for (var network : ShareNetwork.values()) {
                networks.put(network.id(), tally.of(network));
            }
            result.put(key, new ThreadCounts(count, tally.total(), networks));
        });
        return Response.ok(result).build();
    }

    /** A thread's approved comments and shares. */
    public record ThreadCounts(long comments, long shares, Map<String, Long> networks) {
    }
}

package org.hearth.comments.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hearth.comments.comment.CommentService;
import org.hearth.comments.thread.CommentThreadService;

/**
 * The threads a host's pages registered, by key: looking one up (its title and address as the widget knows them), and
 * the approved-comment counts of many at once (for the lists of pages a host shows).
 *
 * <pre>{@code
 * @Inject CommentThreads threads;
 *
 * threads.find("post-42").map(ThreadSummary::url);
 * Map<String, Long> counts = threads.approvedCounts(List.of("post-42", "post-43"));
 * }</pre>
 */
@ApplicationScoped
public class CommentThreads {

    @Inject
    private CommentThreadService threads;

    @Inject
    private CommentService comments;

    /** The thread with this key, if a page has registered it. */
    public Optional<ThreadSummary> find(String threadKey) {
        return threads.find(threadKey).map(Views::summary);
    }

    /**
     * The approved comments of each thread key, in the order given (an unknown thread counts 0). A count is kept in
     * memory until its thread changes, so a list of pages costs about one statement when nothing changed.
     */
    public Map<String, Long> approvedCounts(List<String> threadKeys) {
        return comments.countApproved(threadKeys);
    }
}

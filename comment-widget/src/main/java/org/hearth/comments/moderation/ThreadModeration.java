package org.hearth.comments.moderation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.ModerationAction;
import org.hearth.comments.thread.CommentThreadService;

/**
 * A team member's decisions on single comments in the thread itself (approve, spam, delete), taken as the console's
 * queue takes them ({@link ModerationQueue#decideAsSeen}: recorded with the member's name, the thread's revision moved so
 * kept pages are read again), and only while the comment is as the member saw it: a double click, or two members at
 * once, decide once, and the other is told who decided first.
 */
@ApplicationScoped
public class ThreadModeration {

    /**
     * What became of a decision.
     *
     * @param comment the comment as it is now
     * @param done    whether this decision was taken
     * @param earlier when it was not: the last decision recorded on the comment (another member's), if any
     */
    public record Outcome(Comment comment, boolean done, Optional<ModerationRecord> earlier) {
    }

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private ModerationQueue queue;

    @Inject
    private CommentService comments;

    @Inject
    private CommentThreadService threads;

    /** The comment with this id, when it belongs to the thread with this key. */
    public Optional<Comment> find(String threadKey, long id) {
        return comments.find(id).filter(c -> threadKey.equals(threads.key(c.getThreadId())));
    }

    /**
     * Takes the decision when the comment is still in the status {@code seen}.
     *
     * @param moderator the member's name, kept with the decision
     * @throws IllegalArgumentException when the thread has no such comment (nothing is changed)
     */
    public Outcome decide(String threadKey, long id, CommentStatus seen, ModerationAction action, String moderator) {
        var shown = find(threadKey, id).orElseThrow(() -> new IllegalArgumentException("No comment " + id + " in this thread"));
        boolean done;
        try {
            done = !queue.decideAsSeen(Map.of(id, seen), action, "", moderator).decided().isEmpty();
        } catch (RuntimeException e) {
            if (!isOptimisticLock(e)) {
                throw e;
            }
            done = false; // another member's decision on it committed first
        }
        var now = comments.find(id).orElse(shown);
        return new Outcome(now, done, done ? Optional.empty() : lastDecision(id));
    }

    private Optional<ModerationRecord> lastDecision(long id) {
        List<ModerationRecord> history = em.createNamedQuery("ModerationRecord.ofComments", ModerationRecord.class)
                .setParameter("ids", List.of(id)).getResultList();
        return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
    }

    private static boolean isOptimisticLock(Throwable problem) {
        for (var cause = problem; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // Jakarta Persistence's, or the provider's own of that name (EclipseLink's, under a rollback).
            if (cause instanceof OptimisticLockException || cause.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}

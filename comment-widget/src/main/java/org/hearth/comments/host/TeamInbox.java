package org.hearth.comments.host;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.CommentPosting;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.inbox.Inbox;
import org.hearth.comments.thread.CommentThreadService;

/**
 * The team's inbox, for a host's console: approved comments from readers that no team member has answered yet, oldest
 * first, across all pages or on one; all of them or only their writers' first comments (the first-timers to welcome).
 * A team reply or a "no reply needed" dismissal takes a comment out.
 *
 * <pre>{@code
 * @Inject TeamInbox inbox;
 *
 * for (var item : inbox.unanswered(null, false, 0, 50)) { ... item.comment().authorName() ... }
 * inbox.reply(item.comment().id(), "Thank you, welcome!"); // as the member your TeamDirectory says is signed in
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class TeamInbox {

    /**
     * A comment waiting for an answer.
     *
     * @param thread    the thread it was written in
     * @param parent    the comment it answers, or null for a top-level comment
     * @param firstTime whether it is its writer's first comment
     */
    public record Item(ModeratedComment comment, ThreadSummary thread, ModeratedComment parent, boolean firstTime) {
    }

    @Inject
    private Inbox inbox;

    @Inject
    private CommentService comments;

    @Inject
    private CommentThreadService threads;

    @Inject
    private CommentPosting posting;

    /**
     * A page of unanswered comments, oldest first, in a constant number of statements.
     *
     * @param threadKey       only this thread's comments, or null for all threads
     * @param firstTimersOnly only their writers' first comments
     * @param first           how many to skip
     */
    public List<Item> unanswered(String threadKey, boolean firstTimersOnly, int first, int max) {
        return inbox.unanswered(threadKey, firstTimersOnly, first, max).stream().map(item -> new Item(Views.moderated(item.comment()),
                Views.summary(item.thread()), Views.moderated(item.parent()), item.firstTime())).toList();
    }

    /** How many comments wait for an answer (in this thread, or in all when null). */
    public long count(String threadKey) {
        return inbox.count(threadKey);
    }

    /** How many first comments wait for an answer (in this thread, or in all when null): the first-timers to welcome. */
    public long countFirstTimers(String threadKey) {
        return inbox.countFirstTimers(threadKey);
    }

    /**
     * Answers a comment as the team member the host's {@link TeamDirectory} says is signed in, with the badge they earn
     * in its thread: the reply is published at once, and the comment leaves the inbox.
     *
     * @return the reply's id
     * @throws InvalidCommentException when the body breaks its rule or the comment is gone
     * @throws IllegalStateException   when no team member is signed in
     */
    public long reply(long commentId, String body) {
        var threadKey = comments.find(commentId).map(c -> threads.key(c.getThreadId())).orElse("");
        var member = posting.signedIn(threadKey).orElseThrow(() -> new IllegalStateException("No team member is signed in"));
        return inbox.reply(commentId, member, body).getId();
    }

    /**
     * "No reply needed": the comment leaves the inbox (dismissing it twice, or by two moderators at once, is harmless).
     *
     * @param by who dismisses
     * @throws IllegalArgumentException when there is no such comment
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void dismiss(long commentId, String by) {
        inbox.dismiss(commentId, by);
    }
}

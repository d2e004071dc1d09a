package org.hearth.comments.host;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.CommentModeration;
import org.hearth.comments.comment.CommentPosting;
import org.hearth.comments.thread.CommentThreadService;

/**
 * Comments a host writes from its own code rather than a visitor's form: the discussion of a demo site, a welcome
 * under a new page. They pass every rule a typed comment passes (and fire {@link CommentPosted}). Never pass anything
 * a visitor chose as the team member: a comment written so carries that member's badge.
 *
 * <pre>{@code
 * @Inject CommentWriter writer;
 *
 * long id = writer.post("Tomatoes in May", "https://blog.example.org/posts/tomatoes",
 *         new NewComment("post-42", null, "Maya", null, null, "Lovely!"), Optional.empty(), Commenter.host("seed"));
 * writer.publish(id);
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class CommentWriter {

    @Inject
    private CommentThreadService threads;

    @Inject
    private CommentPosting posting;

    @Inject
    private CommentModeration moderation;

    /**
     * Stores a comment in the thread {@code input} names, registering it with this title and URL (which a registered
     * thread takes as its own, as a page's tag does).
     *
     * @param member the team member who writes it, or empty for a guest
     * @return the comment's id; it is approved when a member wrote it, else as moderation decides
     * @throws InvalidCommentException naming the field and reason when a rule is broken; nothing is stored then
     * @throws IllegalArgumentException when the thread's key, title or URL breaks its rule
     */
    public long post(String title, String url, NewComment input, Optional<TeamMember> member, Commenter commenter) {
        var thread = threads.register(input.threadKey(), title, url);
        return posting.post(thread, input, member, commenter).getId();
    }

    /**
     * Shows a comment to everyone at once, without a moderator's decision on record (a moderator's goes through
     * {@link Moderation#decide}); fires {@link CommentApproved} when it was not approved yet.
     *
     * @throws IllegalArgumentException when there is no such comment
     */
    public void publish(long commentId) {
        moderation.approve(commentId);
    }
}

package org.hearth.comments.comment;

/**
 * A CDI event fired when a comment is stored (approved or pending). Observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only once it is committed.
 *
 * @param commentId the new comment
 * @param threadKey its thread
 * @param status    {@link CommentStatus#APPROVED} or {@link CommentStatus#PENDING}
 */
public record CommentPosted(long commentId, String threadKey, CommentStatus status) {
}

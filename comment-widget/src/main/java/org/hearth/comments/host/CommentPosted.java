package org.hearth.comments.host;

/**
 * A CDI event fired when a comment is stored (approved or pending). Observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only once it is committed.
 *
 * @param commentId the new comment
 * @param threadKey its thread
 * @param approved  whether it shows at once (else it waits for a moderator)
 */
public record CommentPosted(long commentId, String threadKey, boolean approved) {
}

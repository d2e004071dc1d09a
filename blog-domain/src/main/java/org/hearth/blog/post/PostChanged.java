package org.hearth.blog.post;

/**
 * The CDI event {@link PostService} fires in the transaction that publishes, revises, renames or unpublishes a post.
 * Observe it with {@code @Observes(during = TransactionPhase.AFTER_COMPLETION)} to act once the change is visible to
 * every reader (for instance to drop a rendered page).
 *
 * @param postId the changed post
 */
public record PostChanged(long postId) {
}

package org.hearth.comments.host;

/**
 * A CDI event fired when a moderator approves a pending comment (a comment approved on arrival fires only
 * {@link CommentPosted}).
 *
 * @param commentId the comment
 * @param threadKey its thread
 */
public record CommentApproved(long commentId, String threadKey) {
}

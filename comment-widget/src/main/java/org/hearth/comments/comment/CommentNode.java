package org.hearth.comments.comment;

import java.util.List;
import org.hearth.comments.host.CommentStatus;

/**
 * A comment as a reader sees it, with its visible replies (oldest first).
 *
 * @param comment the comment
 * @param removed it was deleted and stands only as a "comment removed" placeholder for its replies
 * @param own     the reader wrote it (proved by a signed token), so they may see it while pending and edit it
 * @param replies the visible replies, each with theirs
 */
public record CommentNode(Comment comment, boolean removed, boolean own, List<CommentNode> replies) {

    /** Whether it still waits for a moderator (then only its author sees it). */
    public boolean pending() {
        return comment.getStatus() == CommentStatus.PENDING;
    }
}

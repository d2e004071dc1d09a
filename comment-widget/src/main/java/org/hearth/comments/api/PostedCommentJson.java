package org.hearth.comments.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The answer to {@code POST /api/comments}: the stored comment's fields, plus {@code ownerToken}, the proof of
 * authorship the client keeps to see its pending comment and edit it (send it back in {@code X-Hearth-Own}), and
 * {@code notify}, whether its author gets an e-mail about each approved reply (asked for, with an e-mail address), and
 * {@code form}, a fresh form token for the client's next comment.
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "parentId", "thread", "status", "depth", "createdAt", "editedAt", "author", "html", "smiles",
        "replyTo", "removed", "replies", "ownerToken", "notify", "form"})
public record PostedCommentJson(long id, Long parentId, String thread, String status, int depth, String createdAt,
                                String editedAt, CommentJson.AuthorJson author, String html, int smiles,
                                CommentJson.ReplyToJson replyTo, boolean removed, java.util.List<CommentJson> replies,
                                String ownerToken, @JsonbProperty("notify") boolean notifyReplies, String form) {

    static PostedCommentJson of(CommentJson c, String ownerToken, boolean notifyReplies, String form) {
        return new PostedCommentJson(c.id(), c.parentId(), c.thread(), c.status(), c.depth(), c.createdAt(), c.editedAt(),
                c.author(), c.html(), c.smiles(), c.replyTo(), c.removed(), c.replies(), ownerToken, notifyReplies, form);
    }
}

package org.hearth.comments.api;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.hearth.comments.comment.CommentNode;

/**
 * A comment in the JSON API. {@code html} is sanitized (safe to insert as HTML); {@code author.name} is plain text
 * (insert as text). The e-mail address never appears.
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "parentId", "thread", "status", "depth", "createdAt", "editedAt", "author", "html", "smiles",
        "replyTo", "removed", "replies"})
public record CommentJson(long id, Long parentId, String thread, String status, int depth, String createdAt, String editedAt,
                          AuthorJson author, String html, int smiles, ReplyToJson replyTo, boolean removed,
                          List<CommentJson> replies) {

    /** Who wrote a comment: {@code badge} is {@code "Author"}, {@code "Team"} or null. */
    @JsonbNillable
    public record AuthorJson(String name, String website, String badge) {
    }

    /** Whom a reply beyond the maximum depth answers. */
    public record ReplyToJson(long id, String name) {
    }

    static CommentJson of(CommentNode node, String thread) {
        var c = node.comment();
        var removed = node.removed();
        return new CommentJson(c.getId(), c.getParentId(), thread, c.getStatus().apiName(), c.getDepth(),
                c.getCreatedAt().toString(), c.getEditedAt() == null ? null : c.getEditedAt().toString(),
                removed ? new AuthorJson(null, null, null)
                        : new AuthorJson(c.getAuthorName(), c.getAuthorWebsite(), c.getBadge() == null ? null : c.getBadge().label()),
                removed ? "" : c.getHtml(), c.getSmiles(),
                c.getReplyToId() == null ? null : new ReplyToJson(c.getReplyToId(), c.getReplyToName()),
                removed, node.replies().stream().map(r -> of(r, thread)).toList());
    }
}

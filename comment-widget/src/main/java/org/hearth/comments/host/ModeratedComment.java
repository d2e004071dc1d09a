package org.hearth.comments.host;

import java.time.Instant;

/**
 * A comment as a site's team sees it in its console (the moderation queue, the inbox, a ban): read-only, whatever its
 * status. Its e-mail address is not included, only whether it has one.
 *
 * @param id         the comment's id (its element on the page is {@code comment-{id}})
 * @param authorName the name it was written under, plain text
 * @param withEmail  whether it came with an e-mail address (which a ban can then cover)
 * @param markdown   its text as written
 * @param html       its sanitized, rendered body
 * @param status     approved, pending, spam or deleted
 * @param createdAt  when it was written
 */
public record ModeratedComment(long id, String authorName, boolean withEmail, String markdown, String html,
                               CommentStatus status, Instant createdAt) {
}

package org.hearth.comments.host;

import java.time.Instant;

/**
 * A comment as {@link CommentExport} hands it out: everything a site's owner needs to take it elsewhere, e-mail address
 * included.
 *
 * @param id        the comment's id
 * @param answersId the comment it answers (the one a reply was written to, even when the depth limit attached it
 *                  higher up), or null for a top-level comment
 * @param status    approved, pending, spam or deleted
 * @param createdAt when it was written
 * @param name      the name it was written under
 * @param email     its e-mail address, or null
 * @param website   its website, or null
 * @param badge     the team badge it carries, or null for a guest's
 * @param markdown  its text as written
 * @param html      its sanitized, rendered body
 */
public record ExportedComment(long id, Long answersId, CommentStatus status, Instant createdAt, String name, String email,
                              String website, Badge badge, String markdown, String html) {
}

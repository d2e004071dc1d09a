package org.hearth.comments.host;

import java.time.Instant;
import java.util.Objects;

/**
 * A comment brought from elsewhere (a WordPress or Disqus export), as {@link CommentImport} takes it.
 *
 * @param sourceId       what names it where it comes from, unique across sources (such as
 *                       {@code "wordpress https://old.example.org comment 42"}): kept, so it is imported once
 * @param parentSourceId the source id of the comment it answers, or null for a top-level comment
 * @param name           the name it was signed with; stored as the widget stores typed names
 *                       ({@link org.hearth.comments.comment.TextRules#normalizeName})
 * @param email          optional; dropped when it is not an address
 * @param website        optional; dropped when it is not an http or https address
 * @param badge          {@link Badge#AUTHOR} or {@link Badge#TEAM} when a member of the site's team wrote it, else null
 * @param html           the body as the source stored it (HTML with paragraphs at blank lines), sanitized on import
 * @param status         approved, pending or spam
 * @param createdAt      when it was written
 * @param origin         where it is in the file, for messages (such as {@code "wp:comment 42 at line 120"})
 */
public record ImportedComment(String sourceId, String parentSourceId, String name, String email, String website,
                              Badge badge, String html, CommentStatus status, Instant createdAt, String origin) {

    public ImportedComment {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

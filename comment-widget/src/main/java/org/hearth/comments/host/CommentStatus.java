package org.hearth.comments.host;

import java.util.Locale;

/** Where a comment stands in moderation. Only {@link #APPROVED} comments are shown to everyone. */
public enum CommentStatus {
    /** Waiting for a moderator; shown only to its author. */
    PENDING,
    /** Shown to everyone. */
    APPROVED,
    /** Judged spam; shown to nobody. */
    SPAM,
    /** Removed by its author or a moderator; a "comment removed" placeholder stands in when it has replies. */
    DELETED;

    /** The lower-case name used in the JSON API ({@code approved}, {@code pending}...). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.hearth.blog.post;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Which of the posts readers see a listing shows: all of them, those with a tag, those of an author, or those
 * published in a month (UTC). A filter never widens what readers see: drafts and future posts stay out.
 *
 * @param tag        a tag slug, or {@code null} for any
 * @param authorSlug an author's slug, or {@code null} for any
 * @param from       the earliest publication time (inclusive), or {@code null}
 * @param until      the latest publication time (exclusive), or {@code null}
 */
public record PostFilter(String tag, String authorSlug, Instant from, Instant until) {

    /** Every post readers see. */
    public static PostFilter all() {
        return new PostFilter(null, null, null, null);
    }

    public static PostFilter tagged(String tag) {
        return new PostFilter(tag, null, null, null);
    }

    public static PostFilter byAuthor(String authorSlug) {
        return new PostFilter(null, authorSlug, null, null);
    }

    /** The posts published in {@code month}, in UTC. */
    public static PostFilter publishedIn(YearMonth month) {
        return new PostFilter(null, null, month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}

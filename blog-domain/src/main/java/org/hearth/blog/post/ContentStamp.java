package org.hearth.blog.post;

import java.time.Instant;

/**
 * What changes whenever the set of posts readers see changes: how many there are, and the newest edit and
 * publication among them. Feeds and the sitemap derive their {@code ETag} and {@code Last-Modified} from it.
 *
 * @param posts         how many posts readers see
 * @param lastUpdate    the newest edit of a visible post, or {@code null} when there is none
 * @param lastPublished the newest publication time of a visible post, or {@code null} when there is none
 */
public record ContentStamp(long posts, Instant lastUpdate, Instant lastPublished) {

    /** The later of the newest edit and the newest publication, or {@link Instant#EPOCH} for an empty blog. */
    public Instant lastChange() {
        var update = lastUpdate == null ? Instant.EPOCH : lastUpdate;
        var published = lastPublished == null ? Instant.EPOCH : lastPublished;
        return update.isAfter(published) ? update : published;
    }
}

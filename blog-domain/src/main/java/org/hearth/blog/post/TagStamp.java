package org.hearth.blog.post;

import java.time.Instant;

/** A tag of visible posts and the newest edit among them. */
public record TagStamp(String tag, Instant lastUpdate) {
}

package org.hearth.blog.post;

import java.time.Instant;

/** A visible post's slug, publication time and last edit, without its text. */
public record PostStamp(String slug, Instant publishedAt, Instant updatedAt) {
}

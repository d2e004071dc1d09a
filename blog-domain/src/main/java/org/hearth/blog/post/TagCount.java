package org.hearth.blog.post;

/** A tag and how many posts readers see under it. */
public record TagCount(String tag, long posts) {
}

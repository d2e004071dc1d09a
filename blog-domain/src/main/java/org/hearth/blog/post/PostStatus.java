package org.hearth.blog.post;

/**
 * Whether readers may see a post: a draft never, a published post once its publication time has come, a private one
 * (as WordPress has them; imported) never.
 */
public enum PostStatus {
    DRAFT,
    PUBLISHED,
    PRIVATE
}

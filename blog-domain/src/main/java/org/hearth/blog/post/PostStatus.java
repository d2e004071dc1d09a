package org.hearth.blog.post;

/** Whether readers may see a post: a draft never, a published post once its publication time has come. */
public enum PostStatus {
    DRAFT,
    PUBLISHED
}

package org.hearth.comments.host;

/**
 * A comment as submitted through the form or the JSON API, not yet checked.
 *
 * @param threadKey the thread's key
 * @param parentId  the comment answered, or null
 * @param name      the name typed
 * @param email     optional
 * @param website   optional
 * @param body      Markdown
 */
public record NewComment(String threadKey, Long parentId, String name, String email, String website, String body) {
}

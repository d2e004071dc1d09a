package org.hearth.comments.api;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;

/**
 * One page of a thread in the JSON API: its top-level comments (each with its replies, nested), whether a next page
 * exists, how many top-level comments there are in all, and {@code form}: a signed token of the time the discussion was
 * shown, which {@code POST /api/comments} needs back (a comment posted too soon after it, or without it, is refused).
 */
@JsonbNillable
public record ThreadJson(String thread, String title, String url, String sort, int page, boolean hasMore, long topLevel,
                         List<CommentJson> comments, String form) {
}

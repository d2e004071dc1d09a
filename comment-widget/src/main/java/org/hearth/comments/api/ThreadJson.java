package org.hearth.comments.api;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;

/**
 * One page of a thread in the JSON API: its top-level comments (each with its replies, nested), whether a next page
 * exists, and how many top-level comments there are in all.
 */
@JsonbNillable
public record ThreadJson(String thread, String title, String url, String sort, int page, boolean hasMore, long topLevel,
                         List<CommentJson> comments) {
}

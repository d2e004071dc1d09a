package org.hearth.comments.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.hearth.comments.comment.CommentNode;

/**
 * The JSON of pages of comments as everyone sees them, reused while {@link org.hearth.comments.comment.CommentService#page}
 * hands out the same tree (the very same object: it keeps one per page and thread revision). A different tree, after a
 * change on any server, is written again. At most a given number of pages are kept; beyond that, all are dropped.
 */
final class KeptJson {

    private record Written(List<CommentNode> tree, String json) {
    }

    private final Map<String, Written> written = new ConcurrentHashMap<>();
    private final int max;

    KeptJson(int max) {
        this.max = max;
    }

    /** The JSON of this tree, written by {@code writer} unless it was for the same tree under this key. */
    String write(String key, List<CommentNode> tree, Function<List<CommentNode>, String> writer) {
        var kept = written.get(key);
        if (kept != null && kept.tree() == tree) {
            return kept.json();
        }
        var json = writer.apply(tree);
        if (written.size() >= max) {
            written.clear();
        }
        written.put(key, new Written(tree, json));
        return json;
    }
}

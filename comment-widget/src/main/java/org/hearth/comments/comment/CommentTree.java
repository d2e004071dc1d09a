package org.hearth.comments.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.comments.host.CommentStatus;

/**
 * Builds what a reader sees of a thread from comments loaded in bulk: approved comments; pending ones only for their
 * author (and for the site's team); deleted ones only as placeholders while they have visible replies; spam never (nor
 * anything below it).
 */
public final class CommentTree {

    private CommentTree() {
    }

    /**
     * @param topLevel the top-level comments of one page, in display order
     * @param replies  every reply below them, in any order (they are shown oldest first)
     * @param ownIds   the comments the reader proved to have written
     */
    public static List<CommentNode> build(List<Comment> topLevel, List<Comment> replies, Set<Long> ownIds) {
        return build(topLevel, replies, ownIds, false);
    }

    /**
     * As {@link #build(List, List, Set)}, for the site's team too when {@code team}: then every pending comment is shown.
     */
    public static List<CommentNode> build(List<Comment> topLevel, List<Comment> replies, Set<Long> ownIds, boolean team) {
        Map<Long, List<Comment>> children = new HashMap<>();
        replies.stream()
                .sorted((a, b) -> a.getCreatedAt().equals(b.getCreatedAt()) ? a.getId().compareTo(b.getId()) : a.getCreatedAt().compareTo(b.getCreatedAt()))
                .forEach(reply -> children.computeIfAbsent(reply.getParentId(), k -> new ArrayList<>()).add(reply));
        var nodes = new ArrayList<CommentNode>();
        for (var comment : topLevel) {
            var node = node(comment, children, ownIds, team);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private static CommentNode node(Comment comment, Map<Long, List<Comment>> children, Set<Long> ownIds, boolean team) {
        var own = ownIds.contains(comment.getId());
        var status = comment.getStatus();
        if (status == CommentStatus.SPAM || status == CommentStatus.PENDING && !own && !team) {
            return null;
        }
        var replies = new ArrayList<CommentNode>();
        for (var child : children.getOrDefault(comment.getId(), List.of())) {
            var node = node(child, children, ownIds, team);
            if (node != null) {
                replies.add(node);
            }
        }
        if (status == CommentStatus.DELETED) {
            return replies.isEmpty() ? null : new CommentNode(comment, true, false, List.copyOf(replies));
        }
        return new CommentNode(comment, false, own, List.copyOf(replies));
    }
}

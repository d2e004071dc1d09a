package org.hearth.comments.comment;

import java.lang.reflect.Field;
import java.time.Instant;

/** Builds comments for unit tests, with the ids and times the database would give them. */
final class Comments {

    private static long nextId = 1;

    private Comments() {
    }

    static Comment comment(String name, Comment parent, int maxDepth) {
        return comment(name, parent, maxDepth, CommentStatus.APPROVED);
    }

    static Comment comment(String name, Comment parent, int maxDepth, CommentStatus status) {
        var comment = new Comment(1L, parent, maxDepth, CommentAuthor.guest(name, null, null), CommentBody.of("Words of " + name),
                "client", status);
        set(comment, "id", nextId++);
        set(comment, "createdAt", Instant.ofEpochSecond(1_000_000 + nextId));
        return comment;
    }

    private static void set(Comment comment, String field, Object value) {
        try {
            Field f = Comment.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(comment, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

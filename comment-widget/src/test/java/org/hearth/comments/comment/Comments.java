package org.hearth.comments.comment;

import java.lang.reflect.Field;
import java.time.Instant;
import org.hearth.comments.host.CommentStatus;

/** Builds comments for unit tests, with the ids and times the database would give them. */
public final class Comments {

    private static long nextId = 1;

    private Comments() {
    }

    public static Comment comment(String name, Comment parent, int maxDepth) {
        return comment(name, parent, maxDepth, CommentStatus.APPROVED);
    }

    public static Comment comment(String name, Comment parent, int maxDepth, CommentStatus status) {
        return comment(CommentAuthor.guest(name, null, null), "Words of " + name, parent, maxDepth, status);
    }

    /** A comment by this author with this Markdown body. */
    public static Comment comment(CommentAuthor author, String markdown, Comment parent, int maxDepth, CommentStatus status) {
        var comment = new Comment(1L, parent, maxDepth, author, CommentBody.of(markdown), "client", status);
        set(comment, "id", nextId++);
        set(comment, "createdAt", Instant.ofEpochSecond(1_000_000 + nextId));
        return comment;
    }

    /** Sets a field as the database would (e.g. a value no constructor accepts, as an old row may hold). */
    public static void set(Comment comment, String field, Object value) {
        try {
            Field f = Comment.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(comment, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.hearth.comments.search;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One word of one comment ({@link SearchWords}: of its text, its writer's name and e-mail address), with the comment's
 * time, so that a search reads the index on (word, time, comment) alone: a range of words by their beginning, and the
 * comments they belong to newest first. Kept by {@link CommentWords} whenever a comment is written.
 */
@Entity
@Table(name = "hc_comment_word")
@IdClass(CommentWord.Key.class)
@NamedQuery(name = "CommentWord.byPrefix", query = """
        select w.commentId, w.createdAt from CommentWord w
        where w.word >= :from and w.word < :to and w.word like :prefix""")
@NamedQuery(name = "CommentWord.byPrefixToEnd", query = """
        select w.commentId, w.createdAt from CommentWord w where w.word >= :from and w.word like :prefix""")
@NamedQuery(name = "CommentWord.deleteOf", query = "delete from CommentWord w where w.commentId = :comment")
public class CommentWord {

    @Id
    @Column(length = SearchWords.MAX_LENGTH, updatable = false)
    private String word;

    @Id
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Id
    @Column(name = "comment_id", updatable = false)
    private long commentId;

    protected CommentWord() {
    }

    CommentWord(String word, Instant createdAt, long commentId) {
        if (word == null || word.isEmpty() || word.length() > SearchWords.MAX_LENGTH) {
            throw new IllegalArgumentException("A word has 1 to " + SearchWords.MAX_LENGTH + " characters");
        }
        this.word = word;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.commentId = commentId;
    }

    /** The primary key: word, time, comment. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String word;
        private Instant createdAt;
        private long commentId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key that && commentId == that.commentId && Objects.equals(word, that.word)
                    && Objects.equals(createdAt, that.createdAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(word, createdAt, commentId);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommentWord that && commentId == that.commentId && word.equals(that.word);
    }

    @Override
    public int hashCode() {
        return Objects.hash(word, commentId);
    }
}

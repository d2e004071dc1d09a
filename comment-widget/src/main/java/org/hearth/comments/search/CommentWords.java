package org.hearth.comments.search;

import java.sql.Timestamp;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Comment;

/**
 * Keeps the word index of comments ({@link CommentWord}) in step with them: called in the transaction that stores a
 * new comment or changes its text. Comments removed from the database take their words with them (the foreign key
 * cascades).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CommentWords {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentWordBacklog backlog;

    /** Words written by one statement: a comment has about 30, an import writes a hundred thousand comments. */
    static final int ROWS = 64;

    /**
     * Indexes the words of a comment just stored (it has its id): a statement per {@value #ROWS} words, each row with
     * the comment's time. The rows are plain values: a statement reading the comment's row back made two comments
     * posted at the same moment wait for each other's uncommitted rows until Derby called it a deadlock.
     */
    public void add(Comment comment) {
        var words = List.copyOf(SearchWords.of(comment.getMarkdown(), comment.getAuthorName(), comment.getAuthorEmail()));
        var createdAt = Timestamp.from(comment.getCreatedAt());
        for (int from = 0; from < words.size(); from += ROWS) {
            var chunk = words.subList(from, Math.min(words.size(), from + ROWS));
            var insert = em.createNativeQuery("INSERT INTO hc_comment_word (word, created_at, comment_id) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?)")));
            for (int i = 0; i < chunk.size(); i++) {
                insert.setParameter(3 * i + 1, chunk.get(i)).setParameter(3 * i + 2, createdAt).setParameter(3 * i + 3, comment.getId());
            }
            insert.executeUpdate();
        }
    }

    /** Indexes the words of a comment whose text changed, in place of those it had. */
    public void replace(Comment comment) {
        em.createNamedQuery("CommentWord.deleteOf").setParameter("comment", comment.getId()).executeUpdate();
        backlog.drop(comment.getId());
        add(comment);
    }
}

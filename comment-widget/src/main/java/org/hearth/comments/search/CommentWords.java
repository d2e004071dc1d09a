package org.hearth.comments.search;

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
     * Indexes the words of a comment just stored (it has its id): a statement per {@value #ROWS} words, each row taking
     * the comment's time from its own row, as the migration that filled the index did.
     */
    public void add(Comment comment) {
        var words = List.copyOf(SearchWords.of(comment.getMarkdown(), comment.getAuthorName(), comment.getAuthorEmail()));
        for (int from = 0; from < words.size(); from += ROWS) {
            var chunk = words.subList(from, Math.min(words.size(), from + ROWS));
            var sql = new StringBuilder("INSERT INTO hc_comment_word (word, created_at, comment_id) SELECT w.word, c.created_at, c.id"
                    + " FROM hc_comment c, (VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(CAST(? AS VARCHAR(").append(SearchWords.MAX_LENGTH).append(")))");
            }
            var insert = em.createNativeQuery(sql.append(") AS w (word) WHERE c.id = ?").toString());
            for (int i = 0; i < chunk.size(); i++) {
                insert.setParameter(i + 1, chunk.get(i));
            }
            insert.setParameter(chunk.size() + 1, comment.getId()).executeUpdate();
        }
    }

    /** Indexes the words of a comment whose text changed, in place of those it had. */
    public void replace(Comment comment) {
        em.createNamedQuery("CommentWord.deleteOf").setParameter("comment", comment.getId()).executeUpdate();
        backlog.drop(comment.getId());
        add(comment);
    }
}

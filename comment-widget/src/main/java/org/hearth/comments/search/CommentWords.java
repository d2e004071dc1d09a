package org.hearth.comments.search;

import jakarta.enterprise.context.ApplicationScoped;
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

    /** Indexes the words of a comment just stored (it has its id). */
    public void add(Comment comment) {
        for (var word : SearchWords.of(comment.getMarkdown(), comment.getAuthorName(), comment.getAuthorEmail())) {
            em.persist(new CommentWord(word, comment.getCreatedAt(), comment.getId()));
        }
    }

    /** Indexes the words of a comment whose text changed, in place of those it had. */
    public void replace(Comment comment) {
        em.createNamedQuery("CommentWord.deleteOf").setParameter("comment", comment.getId()).executeUpdate();
        add(comment);
    }
}

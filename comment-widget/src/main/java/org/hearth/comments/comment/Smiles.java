package org.hearth.comments.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.schema.GetOrCreate;
import org.hearth.comments.thread.ThreadRevisions;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.InvalidCommentException;

/** Readers' smiles at approved comments: one per browser, and a bounded number per network address. */
@ApplicationScoped
public class Smiles {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private ThreadRevisions revisions;

    @Inject
    private GetOrCreate getOrCreate;

    /** Smiles one network address may give one comment, whatever cookies its browsers send. */
    public static final int SMILES_PER_ADDRESS = 20;

    /**
     * One smile from one browser; a second smile from the same browser changes nothing, nor does one from an address
     * that gave the comment {@value #SMILES_PER_ADDRESS} smiles already.
     *
     * @param browserHash a keyed fingerprint of the browser (see {@link org.hearth.comments.security.Visitors#browserHash})
     * @param addressHash a keyed fingerprint of its network address
     * @return the comment's smiles now
     * @throws InvalidCommentException when no approved comment has this id
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int smile(long id, String browserHash, String addressHash) {
        // Race-free: a double click's second smile, or smiles of several readers at once, never fail.
        return getOrCreate.run(() -> smileOnce(id, browserHash, addressHash));
    }

    private int smileOnce(long id, String browserHash, String addressHash) {
        var comment = em.find(Comment.class, id);
        if (comment == null || comment.getStatus() != CommentStatus.APPROVED) {
            throw new InvalidCommentException("id", "unknown-comment", "There is no such comment to smile at.");
        }
        if (em.find(Smile.class, new Smile.Key(id, browserHash)) == null
                && count(em.createNamedQuery("Smile.countFromAddress", Long.class).setParameter("comment", id)
                        .setParameter("address", addressHash).getSingleResult()) < SMILES_PER_ADDRESS) {
            em.persist(new Smile(id, browserHash, addressHash));
            comment.smile();
            revisions.touch(comment.getThreadId());
        }
        return comment.getSmiles();
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }
}

package org.hearth.blog.media;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Stores and finds the images uploaded for posts ({@link PostImage}). */
@ApplicationScoped
@Transactional
public class ImageService {

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager em;

    /**
     * Stores the image unless the same bytes are stored already; answers the stored one. Two uploads of the same new
     * image at the same moment: the second fails on the unique hash (a {@code PersistenceException}), and
     * {@link #find} then finds the first.
     */
    public PostImage store(ImagePreparation.Prepared image, Long uploadedBy) {
        var stored = find(image.hash());
        if (stored.isPresent()) {
            return stored.get();
        }
        var created = new PostImage(image, uploadedBy, Instant.now());
        em.persist(created);
        em.flush();
        return created;
    }

    /** The image whose bytes have this SHA-256 (lower-case hexadecimal). */
    public Optional<PostImage> find(String hash) {
        return em.createNamedQuery("PostImage.byHash", PostImage.class).setParameter("hash", hash).getResultStream().findFirst();
    }
}

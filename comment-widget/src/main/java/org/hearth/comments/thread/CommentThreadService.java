package org.hearth.comments.thread;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.schema.GetOrCreate;

/** Registers the threads hosts name, and finds them by key. */
@ApplicationScoped
@Transactional
public class CommentThreadService {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private GetOrCreate getOrCreate;

    /**
     * The thread with this key, created on first use; its title and URL become the ones given (the host knows best).
     * Race-free: of requests registering a new thread at the same moment, one creates it and the others take it.
     *
     * @throws IllegalArgumentException when the key, title or URL breaks its rule (see {@link CommentThread})
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CommentThread register(String key, String title, String url) {
        return getOrCreate.run(() -> find(key).map(thread -> {
            if (!thread.getTitle().equals(title) || !thread.getUrl().equals(url)) {
                // No new revision: pages show the title and URL their host passes, and the host knows when they change.
                thread.describe(title, url);
            }
            return thread;
        }).orElseGet(() -> create(key, title, url)));
    }

    /**
     * The thread with this key as it is, or, when there is none yet, a new one with this title and URL (for threads
     * that start from the JSON API, which may not rename a thread the host registered). Race-free like
     * {@link #register}.
     *
     * @throws IllegalArgumentException when a new thread's key, title or URL breaks its rule
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CommentThread findOrRegister(String key, String title, String url) {
        return find(key).orElseGet(() -> getOrCreate.run(() -> find(key).orElseGet(() -> create(key, title, url))));
    }

    private CommentThread create(String key, String title, String url) {
        var thread = new CommentThread(key, title, url);
        em.persist(thread);
        return thread;
    }

    /** The key of the thread with this id. */
    public String key(long id) {
        var thread = em.find(CommentThread.class, id);
        if (thread == null) {
            throw new IllegalArgumentException("No thread " + id);
        }
        return thread.getKey();
    }

    /** The thread with this key, if a host has registered it. */
    public Optional<CommentThread> find(String key) {
        return em.createNamedQuery("CommentThread.findByKey", CommentThread.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }
}

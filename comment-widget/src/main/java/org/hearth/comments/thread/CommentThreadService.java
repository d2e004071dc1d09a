package org.hearth.comments.thread;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Registers the threads hosts name, and finds them by key. */
@ApplicationScoped
@Transactional
public class CommentThreadService {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;


    /**
     * The thread with this key, created on first use; its title and URL become the ones given (the host knows best).
     *
     * @throws IllegalArgumentException when the key, title or URL breaks its rule (see {@link CommentThread})
     */
    public CommentThread register(String key, String title, String url) {
        var existing = find(key);
        if (existing.isPresent()) {
            var thread = existing.get();
            if (!thread.getTitle().equals(title) || !thread.getUrl().equals(url)) {
                // No new revision: pages show the title and URL their host passes, and the host knows when they change.
                thread.describe(title, url);
            }
            return thread;
        }
        var thread = new CommentThread(key, title, url);
        em.persist(thread);
        em.flush();
        return thread;
    }

    /**
     * The thread with this key as it is, or, when there is none yet, a new one with this title and URL (for threads
     * that start from the JSON API, which may not rename a thread the host registered).
     *
     * @throws IllegalArgumentException when a new thread's key, title or URL breaks its rule
     */
    public CommentThread findOrRegister(String key, String title, String url) {
        return find(key).orElseGet(() -> register(key, title, url));
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

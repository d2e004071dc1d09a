package org.hearth.blog.post;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.blog.author.Author;

/** Writes, publishes and finds posts. What readers may see is decided here: published, and its time has come. */
@ApplicationScoped
@Transactional
public class PostService {

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager em;

    /**
     * Writes a new draft. Its slug comes from the title; when another post has it, {@code -2}, {@code -3}... is added.
     *
     * @param excerpt blank derives it from the first paragraph
     * @throws IllegalArgumentException when a field breaks its rule (the message names it)
     */
    public Post draft(Author author, String title, String markdown, String excerpt, Collection<String> tags) {
        var base = Slugs.from(title, Post.SLUG_MAX - 4);
        if (base.isEmpty()) {
            base = "post";
        }
        var post = new Post(em.merge(author), uniqueSlug(base), title, markdown, excerpt);
        post.retag(tags);
        em.persist(post);
        em.flush(); // assigns the id
        return post;
    }

    /** Publishes the post at {@code when} (a future time schedules it). */
    public Post publish(long postId, Instant when) {
        var post = require(postId);
        post.publish(when);
        return post;
    }

    /**
     * Saves an editor's changes, unless someone saved the post since the editor loaded it (optimistic locking).
     *
     * @param loadedVersion the version the editor loaded ({@link Post#getVersion()})
     * @param slug          the new slug, or blank to keep the current one
     * @throws EditConflictException    when the post changed meanwhile; nothing is saved
     * @throws IllegalArgumentException when a field breaks its rule or the slug is taken (the message names it)
     */
    public Post update(long postId, long loadedVersion, String title, String slug, String markdown, String excerpt, Collection<String> tags) {
        var post = require(postId);
        if (post.getVersion() != loadedVersion) {
            throw new EditConflictException(post.getVersion());
        }
        post.revise(title, markdown, excerpt);
        post.retag(tags);
        if (slug != null && !slug.isBlank() && !slug.strip().equals(post.getSlug())) {
            var wanted = slug.strip();
            if (!em.createNamedQuery("Post.findBySlug", Post.class).setParameter("slug", wanted).getResultList().isEmpty()) {
                throw new IllegalArgumentException("Another post has the slug " + wanted);
            }
            post.changeSlug(wanted);
        }
        em.flush(); // the version check of the database, for an edit that raced this one
        return post;
    }

    /** Takes the post back to draft: readers no longer see it. */
    public Post unpublish(long postId) {
        var post = require(postId);
        post.unpublish();
        return post;
    }

    /** Every post, drafts and scheduled ones included, last updated first, with their authors. */
    public List<Post> findAllNewestFirst() {
        return em.createNamedQuery("Post.findAllNewestFirst", Post.class).getResultList();
    }

    /** The post with this id, whatever its status. */
    public Optional<Post> find(long id) {
        return Optional.ofNullable(em.find(Post.class, id));
    }

    /** The post readers see at this slug now, with its author. */
    public Optional<Post> findVisible(String slug) {
        return em.createNamedQuery("Post.findVisibleBySlug", Post.class)
                .setParameter("slug", slug)
                .setParameter("now", Instant.now())
                .getResultStream()
                .findFirst();
    }

    /** A page of the posts readers see, newest first, with their authors. */
    public List<Post> findVisibleNewestFirst(int first, int max) {
        return em.createNamedQuery("Post.findVisibleNewestFirst", Post.class)
                .setParameter("now", Instant.now())
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long countVisible() {
        return em.createNamedQuery("Post.countVisible", Long.class).setParameter("now", Instant.now()).getSingleResult();
    }

    /** All posts, drafts included. */
    public long count() {
        return em.createNamedQuery("Post.count", Long.class).getSingleResult();
    }

    private Post require(long postId) {
        return find(postId).orElseThrow(() -> new IllegalArgumentException("No post with id " + postId));
    }

    private String uniqueSlug(String base) {
        var candidate = base;
        for (int suffix = 2; !em.createNamedQuery("Post.findBySlug", Post.class)
                .setParameter("slug", candidate).getResultList().isEmpty(); suffix++) {
            candidate = base + "-" + suffix;
        }
        return candidate;
    }
}

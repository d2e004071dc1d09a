package org.hearth.blog.author;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;

/** Creates and finds authors. */
@ApplicationScoped
@Transactional
public class AuthorService {

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager em;

    /**
     * @throws IllegalArgumentException when a field breaks its rule, or the slug is taken
     */
    public Author create(String slug, String displayName, String bio) {
        var author = new Author(slug, displayName, bio);
        if (findBySlug(author.getSlug()).isPresent()) {
            throw new RuleException(Phrase.AUTHOR_SLUG_TAKEN, slug);
        }
        em.persist(author);
        em.flush(); // assigns the id
        return author;
    }

    public Optional<Author> findBySlug(String slug) {
        return em.createNamedQuery("Author.findBySlug", Author.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    public Optional<Author> find(long id) {
        return Optional.ofNullable(em.find(Author.class, id));
    }

    /** Every author, by name. */
    public List<Author> findAll() {
        return em.createNamedQuery("Author.findAll", Author.class).getResultList();
    }

    public long count() {
        return em.createNamedQuery("Author.count", Long.class).getSingleResult();
    }
}

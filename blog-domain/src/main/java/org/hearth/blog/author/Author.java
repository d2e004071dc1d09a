package org.hearth.blog.author;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hearth.blog.post.Slugs;
import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;

/**
 * A person who writes posts. The slug names the author in URLs and never changes; the display name is what readers
 * see.
 */
@Entity
@Table(name = "blog_author")
@NamedQuery(name = "Author.findBySlug", query = "select a from Author a where a.slug = :slug")
@NamedQuery(name = "Author.findAll", query = "select a from Author a order by a.displayName, a.id")
@NamedQuery(name = "Author.count", query = "select count(a) from Author a")
public class Author {

    public static final int SLUG_MAX = 60;
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int BIO_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @NotNull
    @Size(max = SLUG_MAX)
    @Pattern(regexp = Slugs.PATTERN)
    @Column(nullable = false, unique = true, updatable = false, length = SLUG_MAX)
    private String slug;

    @NotBlank
    @Size(max = DISPLAY_NAME_MAX)
    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    @NotNull
    @Size(max = BIO_MAX)
    @Column(nullable = false, length = BIO_MAX)
    private String bio;

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Author() {
    }

    /**
     * @throws IllegalArgumentException when the slug is malformed, the display name blank, or a field too long
     */
    public Author(String slug, String displayName, String bio) {
        this.slug = Slugs.require(Phrase.AUTHOR_SLUG_FORM, slug, SLUG_MAX);
        rename(displayName);
        describe(bio);
        this.createdAt = Instant.now();
    }

    public void rename(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > DISPLAY_NAME_MAX) {
            throw new RuleException(Phrase.AUTHOR_NAME_LENGTH, DISPLAY_NAME_MAX);
        }
        this.displayName = displayName.strip();
    }

    public void describe(String bio) {
        var text = bio == null ? "" : bio.strip();
        if (text.length() > BIO_MAX) {
            throw new RuleException(Phrase.AUTHOR_BIO_LENGTH, BIO_MAX);
        }
        this.bio = text;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getBio() {
        return bio;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Author author && id != null && id.equals(author.id);
    }

    @Override
    public int hashCode() {
        return getClass().hashCode(); // stable across persist, when the id is assigned
    }

    @Override
    public String toString() {
        return "Author[" + slug + "]";
    }
}

package org.hearth.blog.post;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hearth.blog.author.Author;
import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;

/**
 * A blog post. Its invariants: the slug is well formed ({@link Slugs}); title, excerpt and tags respect their lengths;
 * the HTML is always the sanitized rendering of the Markdown source; a published post has a publication time; the
 * slugs it had before never include its current one.
 * Readers see it only once it is {@link PostStatus#PUBLISHED published} and its publication time has come.
 */
@Entity
@Table(name = "blog_post")
@NamedQuery(name = "Post.findBySlug", query = "select p from Post p where p.slug = :slug")
@NamedQuery(name = "Post.findVisibleBySlug", query = """
        select p from Post p join fetch p.author
        where p.slug = :slug and p.status = org.hearth.blog.post.PostStatus.PUBLISHED and p.publishedAt <= :now""")
@NamedQuery(name = "Post.visibleVersionBySlug", query = """
        select p.version from Post p
        where p.slug = :slug and p.status = org.hearth.blog.post.PostStatus.PUBLISHED and p.publishedAt <= :now""")
@NamedQuery(name = "Post.findVisibleNewestFirst", query = """
        select p from Post p join fetch p.author
        where p.status = org.hearth.blog.post.PostStatus.PUBLISHED and p.publishedAt <= :now
        order by p.publishedAt desc, p.id desc""")
@NamedQuery(name = "Post.countVisible", query = """
        select count(p) from Post p
        where p.status = org.hearth.blog.post.PostStatus.PUBLISHED and p.publishedAt <= :now""")
@NamedQuery(name = "Post.findByOldSlug", query = "select p from Post p join p.oldSlugs s where s = :slug")
@NamedQuery(name = "Post.findVisibleByOldSlug", query = """
        select p from Post p join p.oldSlugs s
        where s = :slug and p.status = org.hearth.blog.post.PostStatus.PUBLISHED and p.publishedAt <= :now""")
@NamedQuery(name = "Post.count", query = "select count(p) from Post p")
@NamedQuery(name = "Post.countVisibleByTag", query = """
        select t, count(p) from Post p join p.tags t
        where p.status = org.hearth.blog.post.PostStatus.PUBLISHED and p.publishedAt <= :now
        group by t order by t""")
@NamedQuery(name = "Post.findVisiblePublicationTimes", query = """
        select p.publishedAt from Post p
        where p.status = org.hearth.blog.post.PostStatus.PUBLISHED and p.publishedAt <= :now""")
@NamedQuery(name = "Post.findVisibleStamps", query = """
        select p.slug, p.publishedAt, p.updatedAt from Post p
        where p.status = org.hearth.blog.post.PostStatus.PUBLISHED and p.publishedAt <= :now
        order by p.publishedAt desc, p.id desc""")
@NamedQuery(name = "Post.findVisibleTagStamps", query = """
        select t, max(p.updatedAt) from Post p join p.tags t
        where p.status = org.hearth.blog.post.PostStatus.PUBLISHED and p.publishedAt <= :now
        group by t order by t""")
@NamedQuery(name = "Post.visibleStamp", query = """
        select count(p), max(p.updatedAt), max(p.publishedAt) from Post p
        where p.status = org.hearth.blog.post.PostStatus.PUBLISHED and p.publishedAt <= :now""")
@NamedQuery(name = "Post.findAllNewestFirst", query = "select p from Post p join fetch p.author order by p.updatedAt desc, p.id desc")
public class Post {

    public static final int SLUG_MAX = 120;
    public static final int TITLE_MAX = 200;
    public static final int EXCERPT_MAX = 500;
    public static final int TAG_MAX = 40;
    public static final int TAGS_MAX = 12;
    public static final int MARKDOWN_MAX = 200_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @NotNull
    @Size(max = SLUG_MAX)
    @Pattern(regexp = Slugs.PATTERN)
    @Column(nullable = false, unique = true, length = SLUG_MAX)
    private String slug;

    @NotBlank
    @Size(max = TITLE_MAX)
    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @NotNull
    @Size(max = MARKDOWN_MAX)
    @Lob
    @Column(nullable = false)
    private String markdown;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "body_format", nullable = false, length = 16)
    private BodyFormat format = BodyFormat.MARKDOWN;

    @NotNull
    @Lob
    @Column(nullable = false)
    private String html;

    /** The lowercased plain text of the body, for {@link PostSearch}. */
    @Lob
    @Column(name = "search_text")
    private String searchText;

    @NotNull
    @Size(max = EXCERPT_MAX)
    @Column(nullable = false, length = EXCERPT_MAX)
    private String excerpt;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PostStatus status;

    @NotNull
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id", nullable = false)
    private Author author;

    @ElementCollection
    @CollectionTable(name = "blog_post_tag", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "tag", nullable = false, length = TAG_MAX)
    private Set<String> tags = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "blog_post_old_slug", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "slug", nullable = false, length = SLUG_MAX)
    private Set<String> oldSlugs = new HashSet<>();

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @NotNull
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Post() {
    }

    /**
     * A new draft.
     *
     * @param excerpt the summary shown in lists; blank derives it from the first paragraph of the Markdown
     * @throws IllegalArgumentException when a field breaks its rule (the message names it)
     */
    public Post(Author author, String slug, String title, String markdown, String excerpt) {
        this(author, slug, title, markdown, excerpt, BodyFormat.MARKDOWN);
    }

    /**
     * A new draft whose body is written in {@code format} (posts imported from WordPress keep its HTML).
     *
     * @param excerpt blank derives it from the first paragraph of the body
     * @throws IllegalArgumentException when a field breaks its rule (the message names it)
     */
    public Post(Author author, String slug, String title, String body, String excerpt, BodyFormat format) {
        this.author = Objects.requireNonNull(author, "A post needs an author");
        this.slug = Slugs.require(Phrase.POST_SLUG_FORM, slug, SLUG_MAX);
        this.status = PostStatus.DRAFT;
        this.createdAt = Instant.now();
        this.format = Objects.requireNonNull(format, "format");
        revise(title, body, excerpt);
    }

    /**
     * Replaces title, body and excerpt; the HTML is rendered again from the body, in the post's {@link BodyFormat}.
     *
     * @param markdown the body, in the post's format
     * @param excerpt  blank derives it from the first paragraph of the body
     */
    public void revise(String title, String markdown, String excerpt) {
        if (title == null || title.isBlank() || title.strip().length() > TITLE_MAX) {
            throw new RuleException(Phrase.POST_TITLE_LENGTH, TITLE_MAX);
        }
        if (markdown == null || markdown.length() > MARKDOWN_MAX) {
            throw new RuleException(Phrase.POST_BODY_LENGTH, MARKDOWN_MAX);
        }
        var summary = excerpt == null || excerpt.isBlank() ? format.summary(markdown, EXCERPT_MAX) : excerpt.strip();
        if (summary.length() > EXCERPT_MAX) {
            throw new RuleException(Phrase.POST_EXCERPT_LENGTH, EXCERPT_MAX);
        }
        this.title = title.strip();
        this.markdown = markdown;
        this.html = format.toHtml(markdown);
        this.excerpt = summary;
        this.searchText = format.plainText(markdown).toLowerCase(Locale.ROOT);
        this.updatedAt = Instant.now();
    }

    /**
     * Replaces the tags; each is turned into a slug ({@code "Community Building"} becomes {@code community-building}).
     *
     * @throws IllegalArgumentException for more than {@value #TAGS_MAX} tags or a tag without letters or digits
     */
    public void retag(Collection<String> newTags) {
        var normalized = new TreeSet<String>();
        for (var tag : newTags) {
            var slugged = Slugs.from(tag, TAG_MAX);
            if (slugged.isEmpty()) {
                throw new RuleException(Phrase.TAG_WITHOUT_LETTERS, tag);
            }
            normalized.add(slugged);
        }
        if (normalized.size() > TAGS_MAX) {
            throw new RuleException(Phrase.TOO_MANY_TAGS, TAGS_MAX);
        }
        tags.retainAll(normalized);
        tags.addAll(normalized);
    }

    /**
     * Gives the post a new slug; the current one is kept among its {@linkplain #getOldSlugs() old slugs}, so links to
     * it keep working. Going back to an old slug takes it out of the old ones.
     *
     * @throws IllegalArgumentException when the new slug is malformed
     */
    public void changeSlug(String newSlug) {
        Slugs.require(Phrase.POST_SLUG_FORM, newSlug, SLUG_MAX);
        if (newSlug.equals(slug)) {
            return;
        }
        oldSlugs.add(slug);
        oldSlugs.remove(newSlug);
        slug = newSlug;
        updatedAt = Instant.now();
    }

    /** Publishes the post at {@code when}: readers see it from then on (a future time schedules it). */
    public void publish(Instant when) {
        this.publishedAt = Objects.requireNonNull(when, "A publication time is needed");
        this.status = PostStatus.PUBLISHED;
    }

    /** Takes the post back to draft: readers no longer see it. */
    public void unpublish() {
        this.status = PostStatus.DRAFT;
    }

    /** Makes the post private, as WordPress has them: readers never see it, its publication time is kept. */
    public void makePrivate(Instant when) {
        this.publishedAt = when;
        this.status = PostStatus.PRIVATE;
    }

    /**
     * Dates the post as it was first written elsewhere (an import); only before it is stored.
     *
     * @throws IllegalStateException when the post is stored already
     */
    public void writtenAt(Instant createdAt, Instant updatedAt) {
        if (id != null) {
            throw new IllegalStateException("A stored post keeps its creation time");
        }
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether readers may see the post at {@code now}. */
    public boolean isVisibleAt(Instant now) {
        return status == PostStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }

    /** What search matches in a body: its plain text, lowercased. */
    public static String searchText(String markdown) {
        return Markdown.plainText(markdown).toLowerCase(Locale.ROOT);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getSlug() {
        return slug;
    }

    /** The slugs the post had before, alphabetically. */
    public SortedSet<String> getOldSlugs() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(oldSlugs));
    }

    public String getTitle() {
        return title;
    }

    /** The body as written, in the post's {@linkplain #getFormat() format}. */
    public String getMarkdown() {
        return markdown;
    }

    public BodyFormat getFormat() {
        return format;
    }

    /** The sanitized HTML of the body, safe to insert into a page unescaped. */
    public String getHtml() {
        return html;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public PostStatus getStatus() {
        return status;
    }

    public Author getAuthor() {
        return author;
    }

    /** The tags in alphabetical order. */
    public SortedSet<String> getTags() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Post post && id != null && id.equals(post.id);
    }

    @Override
    public int hashCode() {
        return getClass().hashCode(); // stable across persist, when the id is assigned
    }

    @Override
    public String toString() {
        return "Post[" + slug + "]";
    }
}

package org.hearth.blog.post;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;

import org.hearth.blog.author.Author;
import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;

/** Writes, publishes and finds posts. What readers may see is decided here: published, and its time has come. */
@ApplicationScoped
@Transactional
public class PostService {

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager em;

    @Inject
    private Event<PostChanged> changed;

    /**
     * Writes a new draft. Its slug comes from the title; when another post has it (or had it), {@code -2}, {@code -3}...
     * is added.
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
        changed.fire(new PostChanged(postId));
        return post;
    }

    /**
     * Gives a post a new slug; links to the slugs it had before keep working ({@link #findVisibleByOldSlug}).
     *
     * @throws IllegalArgumentException when the slug is malformed, or another post has it now or had it before
     */
    public Post changeSlug(long postId, String newSlug) {
        var post = require(postId);
        Slugs.require(Phrase.POST_SLUG_FORM, newSlug, Post.SLUG_MAX);
        if (holdersOf(newSlug).stream().anyMatch(holder -> !holder.equals(post))) {
            throw new RuleException(Phrase.POST_SLUG_TAKEN, newSlug);
        }
        post.changeSlug(newSlug);
        em.flush();
        changed.fire(new PostChanged(postId));
        return post;
    }

    /** The post readers see that had this slug before, with its author: its permalink moved. */
    public Optional<Post> findVisibleByOldSlug(String slug) {
        return em.createNamedQuery("Post.findVisibleByOldSlug", Post.class)
                .setParameter("slug", slug)
                .setParameter("now", Instant.now())
                .getResultStream()
                .findFirst();
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
            changeSlug(postId, slug.strip()); // the old slug keeps redirecting
        }
        em.flush(); // the version check of the database, for an edit that raced this one
        changed.fire(new PostChanged(postId));
        return post;
    }

    /** Takes the post back to draft: readers no longer see it. */
    public Post unpublish(long postId) {
        var post = require(postId);
        post.unpublish();
        changed.fire(new PostChanged(postId));
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

    /**
     * The version of the post readers see at this slug now (one short query, never from a cache), or empty: a cheap way
     * to tell whether a page rendered from that post is still current.
     */
    public OptionalLong visibleVersion(String slug) {
        return em.createNamedQuery("Post.visibleVersionBySlug", Long.class)
                .setParameter("slug", slug)
                .setParameter("now", Instant.now())
                .getResultStream()
                .mapToLong(Long::longValue)
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

    /**
     * A page of the posts readers see that match {@code filter}, newest first, with their authors. A page past the
     * last one is empty.
     *
     * @param page     the page number, from 1
     * @param pageSize how many posts a page holds, at least 1
     */
    public PostListing listVisible(PostFilter filter, int page, int pageSize) {
        if (page < 1 || pageSize < 1) {
            throw new IllegalArgumentException("Pages are numbered from 1 and hold at least one post");
        }
        var now = Instant.now();
        var cb = em.getCriteriaBuilder();
        var count = cb.createQuery(Long.class);
        var counted = count.from(Post.class);
        count.select(cb.count(counted)).where(visible(cb, counted, filter, now));
        long total = em.createQuery(count).getSingleResult();
        long first = (long) (page - 1) * pageSize;
        if (first >= total) {
            return new PostListing(List.of(), page, pageSize, total);
        }
        // The page's ids first: sorting whole rows would sort every post's bodies too (Derby: 190 ms for 1,000 posts).
        var query = cb.createQuery(Long.class);
        var post = query.from(Post.class);
        query.select(post.get("id"))
                .where(visible(cb, post, filter, now))
                .orderBy(cb.desc(post.get("publishedAt")), cb.desc(post.get("id")));
        var ids = em.createQuery(query).setFirstResult((int) first).setMaxResults(pageSize).getResultList();
        return new PostListing(inOrder(ids), page, pageSize, total);
    }

    /** The posts with these ids, with their authors and tags, in the order of the ids. */
    private List<Post> inOrder(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var byId = new java.util.HashMap<Long, Post>();
        em.createQuery("select p from Post p join fetch p.author where p.id in :ids", Post.class)
                .setParameter("ids", ids)
                .setHint("eclipselink.batch", "p.tags")
                .setHint("eclipselink.batch.type", "IN")
                .getResultStream()
                .forEach(found -> byId.put(found.getId(), found));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The tags of the posts readers see, alphabetically, each with its number of posts. */
    public List<TagCount> visibleTags() {
        // A constructor expression over the joined element collection trips EclipseLink 5.0.0-B13 (EclipseLink-6184).
        return em.createNamedQuery("Post.countVisibleByTag", Object[].class)
                .setParameter("now", Instant.now())
                .getResultStream()
                .map(row -> new TagCount((String) row[0], ((Number) row[1]).longValue()))
                .toList();
    }

    /** The months (UTC) in which posts readers see were published, newest first, each with its number of posts. */
    public List<MonthCount> visibleMonths() {
        var months = new TreeMap<YearMonth, Long>(Comparator.reverseOrder());
        em.createNamedQuery("Post.findVisiblePublicationTimes", Instant.class)
                .setParameter("now", Instant.now())
                .getResultStream()
                .forEach(at -> months.merge(YearMonth.from(at.atOffset(ZoneOffset.UTC)), 1L, Long::sum));
        return months.entrySet().stream().map(month -> new MonthCount(month.getKey(), month.getValue())).toList();
    }

    /** The slug and times of every post readers see, newest first (for the sitemap: no bodies are read). */
    public List<PostStamp> visiblePostStamps() {
        return em.createNamedQuery("Post.findVisibleStamps", Object[].class)
                .setParameter("now", Instant.now())
                .getResultStream()
                .map(row -> new PostStamp((String) row[0], instant(row[1]), instant(row[2])))
                .toList();
    }

    /** Every tag of the posts readers see, alphabetically, with the newest edit among its posts. */
    public List<TagStamp> visibleTagStamps() {
        return em.createNamedQuery("Post.findVisibleTagStamps", Object[].class)
                .setParameter("now", Instant.now())
                .getResultStream()
                .map(row -> new TagStamp((String) row[0], instant(row[1])))
                .toList();
    }

    /** What changes whenever the posts readers see change (for cache validators of feeds and the sitemap). */
    public ContentStamp visibleStamp() {
        var row = em.createNamedQuery("Post.visibleStamp", Object[].class).setParameter("now", Instant.now()).getSingleResult();
        return new ContentStamp(((Number) row[0]).longValue(), instant(row[1]), instant(row[2]));
    }

    public long countVisible() {
        return em.createNamedQuery("Post.countVisible", Long.class).setParameter("now", Instant.now()).getSingleResult();
    }

    /** All posts, drafts included. */
    public long count() {
        return em.createNamedQuery("Post.count", Long.class).getSingleResult();
    }

    private static Predicate[] visible(CriteriaBuilder cb, Root<Post> post, PostFilter filter, Instant now) {
        var rules = new ArrayList<Predicate>();
        rules.add(cb.equal(post.get("status"), PostStatus.PUBLISHED));
        rules.add(cb.lessThanOrEqualTo(post.<Instant>get("publishedAt"), now));
        if (filter.tag() != null) {
            rules.add(cb.equal(post.join("tags"), filter.tag()));
        }
        if (filter.authorSlug() != null) {
            rules.add(cb.equal(post.get("author").get("slug"), filter.authorSlug()));
        }
        if (filter.from() != null) {
            rules.add(cb.greaterThanOrEqualTo(post.<Instant>get("publishedAt"), filter.from()));
        }
        if (filter.until() != null) {
            rules.add(cb.lessThan(post.<Instant>get("publishedAt"), filter.until()));
        }
        return rules.toArray(Predicate[]::new);
    }

    /** A time from a report query: aggregates may come back as JDBC timestamps rather than the mapped type. */
    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case java.util.Date date -> date.toInstant();
            case java.time.LocalDateTime local -> local.toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("Not a time: " + value.getClass());
        };
    }

    private Post require(long postId) {
        return find(postId).orElseThrow(() -> new RuleException(Phrase.NO_SUCH_POST, postId));
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... when another post has it or had it. */
    public String uniqueSlug(String base) {
        var candidate = base;
        for (int suffix = 2; !holdersOf(candidate).isEmpty(); suffix++) {
            candidate = base + "-" + suffix;
        }
        return candidate;
    }

    /** The posts that have {@code slug} now or had it before. */
    private List<Post> holdersOf(String slug) {
        var holders = new ArrayList<Post>();
        holders.addAll(em.createNamedQuery("Post.findBySlug", Post.class).setParameter("slug", slug).getResultList());
        holders.addAll(em.createNamedQuery("Post.findByOldSlug", Post.class).setParameter("slug", slug).getResultList());
        return holders;
    }
}

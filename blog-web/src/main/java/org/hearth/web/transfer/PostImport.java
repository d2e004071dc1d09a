package org.hearth.web.transfer;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.blog.author.Author;
import org.hearth.blog.post.BodyFormat;
import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostChanged;
import org.hearth.blog.post.PostService;
import org.hearth.blog.post.Slugs;
import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;
import org.hearth.blog.rule.Sentence;
import org.hearth.blog.team.TeamRole;
import org.hearth.blog.team.TeamService;
import org.hearth.blog.team.TeamUser;
import org.hearth.blog.transfer.ImportSource;
import org.hearth.blog.transfer.OldAddress;
import org.hearth.blog.transfer.TransferException;
import org.hearth.blog.transfer.Wxr;
import org.hearth.comments.host.Badge;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.CommentImport;
import org.hearth.comments.host.CommentThreads;
import org.hearth.comments.host.ImportedComment;
import org.hearth.web.post.PostPermalinks;

/**
 * Stores what one entry of a WordPress export brings, each in a transaction of its own: a post commits with its
 * comments and old addresses, or not at all (a rerun then finishes it). An item imported before is found by its kept
 * source id: its post is left as it is and only comments not seen before are added.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class PostImport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("/yyyy/MM/dd/").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("/yyyy/MM/").withZone(ZoneOffset.UTC);

    /**
     * A discussion comments from elsewhere join: a post's, or a thread of the widget.
     *
     * @param postId the post, or null for a thread of the widget alone
     */
    public record Discussion(String key, String title, String url, Long postId) {
    }

    /** What one item added, and why comments of it were left out (each naming the comment). */
    public record Result(boolean added, int comments, int commentsPresent, int pings, int trashed, List<Sentence> refused) {
    }

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager em;

    @Inject
    private TeamService team;

    @Inject
    private PostService posts;

    @Inject
    private CommentImport comments;

    @Inject
    private Event<PostChanged> changed;

    @Inject
    private CommentThreads threads;

    /** The author a {@code wp:author} becomes: a team member without a password (found when there is one). */
    public long author(Wxr.Author author) {
        var name = author.displayName() == null || author.displayName().isBlank() ? author.login() : author.displayName();
        var member = team.findOrCreateWithoutPassword(username(author.login()), name, author.email(), TeamRole.AUTHOR);
        return member.getAuthor().getId();
    }

    /**
     * The discussion of the page at {@code link}: the Hearth post at that address or at an old address of it, else the
     * widget's thread whose key is the page's identifier, path or address; empty when none matches.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Discussion> discussionOf(String identifier, String link, String title, String siteBase) {
        URI uri;
        try {
            uri = link == null ? null : new URI(link.strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        var path = uri == null || uri.getPath() == null ? "" : uri.getPath();
        var address = OldAddress.normalize(path, uri == null ? null : uri.getQuery());
        Post post = null;
        if (address != null && address.startsWith("/posts/")) {
            post = em.createNamedQuery("Post.findBySlug", Post.class).setParameter("slug", address.substring("/posts/".length()))
                    .getResultStream().findFirst().orElse(null);
        } else if (address != null) {
            var old = em.find(OldAddress.class, address);
            post = old == null || old.getKind() != OldAddress.Kind.POST ? null : em.find(Post.class, old.getPostId());
        }
        if (post != null) {
            return Optional.of(new Discussion(PostPermalinks.threadKey(post), post.getTitle(), siteBase + PostPermalinks.path(post), post.getId()));
        }
        for (var key : List.of(identifier == null ? "" : identifier.strip(), path, link == null ? "" : link.strip())) {
            if (!key.isEmpty()) {
                var thread = threads.find(key);
                if (thread.isPresent()) {
                    return thread.map(t -> new Discussion(t.key(), t.title(), t.url(), null));
                }
            }
        }
        return Optional.empty();
    }

    /** Adds comments from elsewhere to a discussion, in a transaction of their own. */
    public CommentImport.Outcome comments(Discussion discussion, List<ImportedComment> imported) {
        var outcome = comments.add(discussion.key(), discussion.title(), discussion.url(), imported);
        if (discussion.postId() != null) {
            changed.fire(new PostChanged(discussion.postId()));
        }
        return outcome;
    }

    /** The username a WordPress login becomes: lowercase letters, digits, dots, dashes and underscores. */
    static String username(String login) {
        var name = login.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        if (name.length() < 3) {
            name = name + "-wp";
        }
        return name.length() > TeamUser.USERNAME_MAX ? name.substring(0, TeamUser.USERNAME_MAX) : name;
    }

    /** Keeps the old addresses of a category's or tag's page: they lead to the tag it became. */
    public void termAddresses(Wxr.Term term) {
        var tag = tagOf(term);
        if (tag.isEmpty() || term.slug() == null || term.slug().isBlank()) {
            return;
        }
        var base = term.isCategory() ? "/category/" : "/tag/";
        keep(Map.of(base + decoded(term.slug()), new OldAddress(base + decoded(term.slug()), OldAddress.Kind.TAG, null, tag),
                base + decoded(term.slug()) + "/feed", new OldAddress(base + decoded(term.slug()) + "/feed", OldAddress.Kind.FEED, null, tag)));
    }

    /** Keeps the old address of the site's feed. */
    public void siteAddresses() {
        keep(Map.of("/feed", new OldAddress("/feed", OldAddress.Kind.FEED, null, null)));
    }

    /**
     * Stores a post item with its comments and old addresses.
     *
     * @param authorIds   the Hearth author of each WordPress login
     * @param wpUsers     the WordPress login of each WordPress user id
     * @param siteBase    the site's public address, for the discussion's URL
     * @throws TransferException when the item breaks a rule of posts
     */
    public Result post(Wxr.Site site, Wxr.Item item, Map<String, Long> authorIds, Map<Long, String> wpUsers, String siteBase) {
        var key = sourceKey(site, "post", item.id());
        var source = em.find(ImportSource.class, key);
        var added = source == null;
        var post = added ? newPost(item, authorIds) : em.find(Post.class, source.getPostId());
        if (post == null) {
            throw new TransferException(Phrase.IMPORTED_POST_DELETED);
        }
        if (added) {
            em.persist(post);
            em.flush();
            em.persist(new ImportSource(key, post.getId()));
            keepAddresses(post, item);
        }
        var imported = new ArrayList<ImportedComment>();
        var byId = new HashMap<Long, Wxr.Comment>();
        item.comments().forEach(c -> byId.put(c.id(), c));
        var pings = 0;
        var trashed = 0;
        for (var comment : item.comments()) {
            if (comment.isPing()) {
                pings++;
            } else if (isTrashed(comment)) {
                trashed++;
            } else {
                imported.add(imported(site, post, comment, byId, authorIds, wpUsers));
            }
        }
        var outcome = imported.isEmpty() ? new CommentImport.Outcome(0, 0, List.of())
                : comments.add(PostPermalinks.threadKey(post), post.getTitle(), siteBase + PostPermalinks.path(post), imported);
        changed.fire(new PostChanged(post.getId()));
        return new Result(added, outcome.added(), outcome.present(), pings, trashed, outcome.refused().stream()
                .map(refused -> Sentence.of(Phrase.IMPORT_ERROR, item.comments().stream()
                        .filter(comment -> sourceKey(site, "comment", comment.id()).equals(refused.sourceId())).findFirst()
                        .map(comment -> Sentence.of(Phrase.OF_WP_COMMENT, String.valueOf(comment.id()), comment.line()))
                        .orElse(Sentence.of(Phrase.REFUSED_BY_WIDGET, refused.origin())), refused))
                .toList());
    }

    private Post newPost(Wxr.Item item, Map<String, Long> authorIds) {
        var authorId = item.creator() == null ? null : authorIds.get(item.creator().strip());
        if (authorId == null) {
            throw new TransferException(Phrase.ITEM_AUTHOR_UNKNOWN, item.creator());
        }
        var author = em.find(Author.class, authorId);
        if (item.content().length() > Post.MARKDOWN_MAX) {
            throw new TransferException(Phrase.ITEM_BODY_TOO_LONG, Post.MARKDOWN_MAX);
        }
        var title = item.title() == null || item.title().isBlank() ? "Untitled" : cut(item.title().strip(), Post.TITLE_MAX);
        var base = Slugs.from(decoded(item.slug() == null || item.slug().isBlank() ? title : item.slug()), Post.SLUG_MAX - 4);
        var slug = posts.uniqueSlug(base.isEmpty() ? "post-" + item.id() : base);
        var excerpt = item.excerpt() == null ? "" : cut(item.excerpt().strip(), Post.EXCERPT_MAX);
        Post post;
        try {
            post = new Post(author, slug, title, item.content(), excerpt, BodyFormat.WORDPRESS_HTML);
            post.retag(tags(item));
        } catch (RuleException e) {
            throw new TransferException(e.sentence(), e);
        }
        var date = item.dateGmt() == null ? Instant.now() : item.dateGmt();
        post.writtenAt(date, date);
        switch (item.status()) {
            case "publish", "future" -> post.publish(date);
            case "private" -> post.makePrivate(date);
            default -> {
                // draft, pending, auto-draft: a draft
            }
        }
        return post;
    }

    private static List<String> tags(Wxr.Item item) {
        var tags = new LinkedHashSet<String>();
        for (var term : item.terms()) {
            var tag = tagOf(term);
            if (!tag.isEmpty() && tags.size() < Post.TAGS_MAX) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    /** The tag a category or tag becomes; empty for WordPress's "Uncategorized" and terms without letters. */
    private static String tagOf(Wxr.Term term) {
        if (!"category".equals(term.taxonomy()) && !"post_tag".equals(term.taxonomy()) || "uncategorized".equals(term.slug())) {
            return "";
        }
        return Slugs.from(term.name() == null || term.name().isBlank() ? term.slug() : term.name(), Post.TAG_MAX);
    }

    private static boolean isTrashed(Wxr.Comment comment) {
        return comment.approved().equals("trash") || comment.approved().equals("post-trashed");
    }

    private ImportedComment imported(Wxr.Site site, Post post, Wxr.Comment comment, Map<Long, Wxr.Comment> byId,
                                     Map<String, Long> authorIds, Map<Long, String> wpUsers) {
        // A reply to a trashed comment or a ping answers the nearest ancestor that is imported.
        var parent = comment.parentId();
        for (var hops = 0; parent != 0 && byId.containsKey(parent) && hops < byId.size(); hops++) {
            var above = byId.get(parent);
            if (!above.isPing() && !isTrashed(above)) {
                break;
            }
            parent = above.parentId();
        }
        var status = switch (comment.approved()) {
            case "1", "approve", "approved" -> CommentStatus.APPROVED;
            case "spam" -> CommentStatus.SPAM;
            default -> CommentStatus.PENDING;
        };
        var name = comment.author();
        Badge badge = null;
        var login = comment.userId() > 0 ? wpUsers.get(comment.userId()) : null;
        var authorId = login == null ? null : authorIds.get(login);
        if (authorId != null) {
            var author = em.find(Author.class, authorId);
            name = author.getDisplayName();
            badge = authorId.equals(post.getAuthor().getId()) ? Badge.AUTHOR : Badge.TEAM;
        }
        var date = comment.dateGmt() != null ? comment.dateGmt() : post.getPublishedAt() != null ? post.getPublishedAt() : Instant.now();
        return new ImportedComment(sourceKey(site, "comment", comment.id()), parent == 0 ? null : sourceKey(site, "comment", parent),
                name, comment.email(), comment.url(), badge, comment.content(), status, date,
                "wp:comment " + comment.id() + " at line " + comment.line());
    }

    private void keepAddresses(Post post, Wxr.Item item) {
        var addresses = new LinkedHashMap<String, OldAddress>();
        var slug = decoded(item.slug() == null ? "" : item.slug()).toLowerCase(Locale.ROOT);
        var paths = new ArrayList<String>();
        paths.add(linkPath(item.link()));
        if (!slug.isBlank() && item.dateGmt() != null) {
            paths.add(DAY.format(item.dateGmt()) + slug);
            paths.add(MONTH.format(item.dateGmt()) + slug);
        }
        if (!slug.isBlank()) {
            paths.add("/" + slug);
        }
        paths.add("/archives/" + item.id());
        for (var path : paths) {
            var address = path == null ? null : OldAddress.normalize(path, null);
            if (address != null && !address.startsWith("/?")) {
                addresses.put(address, new OldAddress(address, OldAddress.Kind.POST, post.getId(), null));
                var feed = address + "/feed";
                addresses.put(feed, new OldAddress(feed, OldAddress.Kind.POST_FEED, post.getId(), null));
            }
        }
        var byId = "/?p=" + item.id();
        addresses.put(byId, new OldAddress(byId, OldAddress.Kind.POST, post.getId(), null));
        keep(addresses);
    }

    /** Stores the addresses no one has yet and Hearth does not answer itself. */
    private void keep(Map<String, OldAddress> addresses) {
        var candidates = addresses.keySet().stream().filter(a -> !OldAddresses.isHearths(a) && a.length() <= OldAddress.ADDRESS_MAX).toList();
        if (candidates.isEmpty()) {
            return;
        }
        var known = em.createNamedQuery("OldAddress.findKnown", String.class).setParameter("addresses", candidates).getResultList();
        candidates.stream().filter(a -> !known.contains(a)).forEach(a -> em.persist(addresses.get(a)));
    }

    /** The path and query of an item's link, such as {@code /2024/05/01/hello/} or {@code /?p=12}. */
    private static String linkPath(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            var uri = new URI(link.strip());
            return OldAddress.normalize(uri.getPath(), uri.getQuery());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String sourceKey(Wxr.Site site, String kind, long id) {
        return "wordpress " + cut(site.identity(), 400) + " " + kind + " " + id;
    }

    private static String decoded(String slug) {
        try {
            return URLDecoder.decode(slug, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}

package org.hearth.web.post;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostChanged;
import org.hearth.blog.post.PostService;
import org.hearth.comments.host.PageHints;
import org.hearth.web.cache.PageChanged;

/**
 * The posts that post pages show, kept in memory as read (with author and tags), so that a page rendered for a
 * signed-in reader does not read the post, its three large text columns and its tags again at every request.
 * <p>
 * A kept post is shown only while it is current, by the same rules as the {@link org.hearth.web.cache.PageCache}:
 * any {@link PostChanged} or {@link PageChanged} on this instance drops every kept post; on a database other instances
 * share, the post's version is read at every request (one short query) and a post of another version is read again;
 * and none is kept longer than {@value #MAX_AGE_SECONDS} seconds (an author's new name, say, shows within that).
 * At most {@value #MAX_POSTS} posts are kept, the oldest out first. Kept posts are detached and only read.
 */
@ApplicationScoped
public class KeptPosts {

    static final int MAX_POSTS = 64;
    static final int MAX_AGE_SECONDS = 60;

    private record Kept(Post post, long siteRevision, long keptAt) {
    }

    private final Map<String, Kept> bySlug = new ConcurrentHashMap<>();
    private final AtomicLong siteRevision = new AtomicLong();

    @Inject
    private PostService posts;

    @Inject
    private PageHints hints;

    void postChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) PostChanged event) {
        siteRevision.incrementAndGet();
    }

    void pageChanged(@Observes PageChanged event) {
        siteRevision.incrementAndGet();
    }

    /** The post readers see at this slug now, as {@link PostService#findVisible} gives it. */
    public Optional<Post> findVisible(String slug) {
        // The revision is read before the post: a change that commits meanwhile leaves the post kept under the older one.
        long site = siteRevision.get();
        var kept = bySlug.get(slug);
        if (kept != null && isCurrent(kept, site)) {
            return Optional.of(kept.post());
        }
        var post = posts.findVisible(slug);
        if (post.isPresent()) {
            var read = post.get();
            read.getAuthor().getDisplayName();
            read.getTags();
            bySlug.put(slug, new Kept(read, site, System.nanoTime()));
            if (bySlug.size() > MAX_POSTS) {
                bySlug.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().keptAt()))
                        .ifPresent(oldest -> bySlug.remove(oldest.getKey(), oldest.getValue()));
            }
        } else {
            bySlug.remove(slug);
        }
        return post;
    }

    private boolean isCurrent(Kept kept, long site) {
        return kept.siteRevision() == site
                && System.nanoTime() - kept.keptAt() < TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS)
                // Only another instance can change the post behind this one's back, and only when they share the database.
                && (!hints.isDatabaseShared() || posts.visibleVersion(kept.post().getSlug()).equals(OptionalLong.of(kept.post().getVersion())));
    }
}

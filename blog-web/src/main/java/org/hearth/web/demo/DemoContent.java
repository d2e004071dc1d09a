package org.hearth.web.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hearth.blog.author.Author;
import org.hearth.blog.author.AuthorService;
import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;
import org.hearth.blog.schema.SchemaReady;
import org.hearth.comments.host.Badge;
import org.hearth.comments.host.CommentWriter;
import org.hearth.comments.host.Commenter;
import org.hearth.comments.host.NewComment;
import org.hearth.comments.host.TeamMember;
import org.hearth.web.post.PostPermalinks;
import org.hearth.web.feed.SiteAddress;

/**
 * Loads the demo site into an empty database once the schema is ready (at startup, or when the database answers), so
 * a fresh Hearth has something to read: twelve published posts over half a year (so the home page has two pages and
 * the archive several months), a discussion under the newest one, a draft and a post scheduled for next month (which
 * readers never see). A database that holds any post is left alone. Set the system property
 * {@value #ENABLED_PROPERTY} to {@code false} (a JVM option of the domain) to start empty instead.
 */
@ApplicationScoped
public class DemoContent {

    public static final String ENABLED_PROPERTY = "hearth.demo-content";

    /** The title of the demo site's main post. */
    public static final String STAR_POST_TITLE = "Being A Star In Our Communities";

    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());

    @Inject
    private AuthorService authors;

    @Inject
    private PostService posts;

    @Inject
    private CommentWriter comments;

    @Transactional
    void loadOnceSchemaReady(@Observes SchemaReady ready) {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true")) || posts.count() > 0) {
            return;
        }
        var rosa = authors.create("rosa-lindqvist", "Rosa Lindqvist",
                "Rosa leads community at Hearth. She has answered forum posts at 2 a.m. more often than she admits.");
        var sam = authors.create("samuel-adeyemi", "Samuel Adeyemi",
                "Samuel builds Hearth's comment widget and believes a good reply beats a good feature.");

        var today = Instant.now().truncatedTo(ChronoUnit.HOURS);
        publish(rosa, "Hello, Hearth", "hello-hearth.md", List.of("announcements"), today.minus(Duration.ofDays(185)));
        publish(rosa, "Saying thank you is a moderation tool", "saying-thank-you.md",
                List.of("community", "moderation"), today.minus(Duration.ofDays(150)));
        publish(sam, "Accessible comment threads", "accessible-comments.md",
                List.of("accessibility", "comments", "engineering"), today.minus(Duration.ofDays(120)));
        publish(rosa, "A community calendar", "community-calendar.md", List.of("community"), today.minus(Duration.ofDays(95)));
        publish(sam, "Markdown in comments, safely", "markdown-in-comments.md",
                List.of("comments", "engineering"), today.minus(Duration.ofDays(75)));
        publish(rosa, "Moderation notes are a shared memory", "moderation-notes.md",
                List.of("moderation"), today.minus(Duration.ofDays(60)));
        publish(rosa, "Writing for the quiet readers", "quiet-readers.md", List.of("community"), today.minus(Duration.ofDays(47)));
        publish(sam, "The first reply matters most", "welcome-threads.md",
                List.of("community", "comments"), today.minus(Duration.ofDays(33)));
        publish(sam, "Why Hearth answers before it moderates", "why-hearth-answers.md",
                List.of("community", "moderation"), today.minus(Duration.ofDays(21)));
        publish(sam, "Threads that stay readable at ten thousand comments", "readable-threads.md",
                List.of("engineering", "comments"), today.minus(Duration.ofDays(12)));
        var shareCounts = publish(rosa, "Share counts you can trust", "honest-share-counts.md",
                List.of("sharing"), today.minus(Duration.ofDays(5)));
        // First published as /posts/honest-share-counts: that old link answers 301 to the current permalink.
        posts.changeSlug(shareCounts.getId(), "honest-share-counts");
        posts.changeSlug(shareCounts.getId(), "share-counts-you-can-trust");
        var star = publish(rosa, STAR_POST_TITLE, "being-a-star.md",
                List.of("community", "community-management"), today.minus(Duration.ofDays(1)));
        discuss(star, rosa);
        posts.draft(sam, "Coming soon: reactions", markdown("coming-soon-reactions.md"), "", List.of("comments"));
        var roadmap = posts.draft(rosa, "Our roadmap for next year", markdown("scheduled-roadmap.md"), "", List.of("announcements"));
        posts.publish(roadmap.getId(), today.plus(Duration.ofDays(30)));
        LOG.info("Demo content loaded: 2 authors, 12 published posts, a draft, a scheduled post and a discussion");
    }

    private Post publish(Author author, String title, String resource, List<String> tags, Instant when) {
        var post = posts.draft(author, title, markdown(resource), "", tags);
        return posts.publish(post.getId(), when);
    }

    /** A discussion under the post: a reader, the post's author answering with her badge, a second reader. */
    private void discuss(Post post, Author author) {
        var key = PostPermalinks.threadKey(post);
        var url = System.getProperty(SiteAddress.PROPERTY, "http://localhost:8080") + PostPermalinks.path(post);
        var reader = Commenter.host("demo-content");
        var first = comments.post(post.getTitle(), url, new NewComment(key, null, "Maya Okafor", null, null, markdown("maya.md")),
                Optional.empty(), reader);
        comments.publish(first);
        var reply = comments.post(post.getTitle(), url, new NewComment(key, first, author.getDisplayName(), null, null,
                markdown("rosa-reply.md")), Optional.of(new TeamMember(author.getDisplayName(), Badge.AUTHOR)), reader);
        comments.publish(reply);
        var second = comments.post(post.getTitle(), url, new NewComment(key, null, "Tomasz Wierzbicki", null, null,
                markdown("tomasz.md")), Optional.empty(), reader);
        comments.publish(second);
    }

    private static String markdown(String resource) {
        try (var in = DemoContent.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Demo text missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

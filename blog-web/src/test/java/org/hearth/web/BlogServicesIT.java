package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hearth.blog.author.Author;
import org.hearth.blog.author.AuthorService;
import org.hearth.blog.post.PostService;
import org.hearth.blog.post.PostStatus;
import org.hearth.blog.schema.BlogSchema;
import org.hearth.web.demo.DemoContent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The blog's services inside GlassFish, on the real embedded Derby database and its migrated schema. */
@ExtendWith(ArquillianExtension.class)
class BlogServicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.hearthWar("blog-services-it", BlogServicesIT.class);
    }

    @Inject
    private AuthorService authors;

    @Inject
    private PostService posts;

    @Inject
    private BlogSchema schema;

    private Author newAuthor() {
        var handle = "it-" + UUID.randomUUID().toString().substring(0, 8);
        return authors.create(handle, "Integration Tester", "Writes posts that only tests read.");
    }

    @Test
    void publishedPostIsPersistedAndReadBackBySlugWithItsAuthorAndTags() {
        var author = newAuthor();
        var draft = posts.draft(author, "Hello from Arquillian " + author.getSlug(), "Some *Markdown*.", "", List.of("Testing", "GlassFish"));
        posts.publish(draft.getId(), Instant.now().minusSeconds(5));

        var read = posts.findVisible(draft.getSlug()).orElseThrow();
        assertEquals(draft.getId(), read.getId());
        assertEquals(PostStatus.PUBLISHED, read.getStatus());
        assertEquals("Integration Tester", read.getAuthor().getDisplayName());
        assertTrue(read.getHtml().contains("<em>Markdown</em>"), read.getHtml());
        assertEquals(List.of("glassfish", "testing"), List.copyOf(read.getTags()));
    }

    @Test
    void draftsAndFuturePostsAreInvisibleToReaders() {
        var author = newAuthor();
        var draft = posts.draft(author, "A draft " + author.getSlug(), "Not yet.", "", List.of());
        var scheduled = posts.draft(author, "Scheduled " + author.getSlug(), "Later.", "", List.of());
        posts.publish(scheduled.getId(), Instant.now().plus(Duration.ofDays(1)));

        assertTrue(posts.findVisible(draft.getSlug()).isEmpty());
        assertTrue(posts.findVisible(scheduled.getSlug()).isEmpty());
        assertFalse(posts.findVisibleNewestFirst(0, 1000).stream()
                .anyMatch(p -> p.getId().equals(draft.getId()) || p.getId().equals(scheduled.getId())));
    }

    @Test
    void sameTitleGetsADistinctSlug() {
        var author = newAuthor();
        var title = "Twice " + author.getSlug();
        var first = posts.draft(author, title, "One.", "", List.of());
        var second = posts.draft(author, title, "Two.", "", List.of());
        assertNotEquals(first.getSlug(), second.getSlug());
        assertEquals(first.getSlug() + "-2", second.getSlug());
    }

    @Test
    void takenAuthorSlugIsRefused() {
        var author = newAuthor();
        var error = assertThrows(IllegalArgumentException.class, () -> authors.create(author.getSlug(), "Someone Else", ""));
        assertTrue(error.getMessage().contains("exists already"), error.getMessage());
    }

    @Test
    void demoContentIsLoadedOnceAndNewestFirst() {
        var newest = posts.findVisibleNewestFirst(0, 100).stream()
                .filter(p -> p.getAuthor().getSlug().equals("rosa-lindqvist") || p.getAuthor().getSlug().equals("samuel-adeyemi"))
                .toList();
        assertEquals(4, newest.size(), "the demo site has four posts");
        assertEquals(DemoContent.STAR_POST_TITLE, newest.getFirst().getTitle());
    }

    @Test
    void migrationsAreUpToDateAfterDeployment() {
        assertEquals(0, schema.migrate(), "deployment already ran every migration");
    }
}

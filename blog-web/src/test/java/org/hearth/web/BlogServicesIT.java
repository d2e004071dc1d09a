package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hearth.blog.author.Author;
import org.hearth.blog.author.AuthorService;
import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostFilter;
import org.hearth.blog.post.PostService;
import org.hearth.blog.post.TagCount;
import org.hearth.blog.post.PostStatus;
import org.hearth.blog.schema.BlogSchema;
import org.hearth.web.demo.DemoContent;
import org.hearth.web.post.KeptPosts;
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

    @Inject
    private KeptPosts kept;

    private Author newAuthor() {
        var handle = "it-" + UUID.randomUUID().toString().substring(0, 8);
        return authors.create(handle, "Integration Tester", "Writes posts that only tests read.");
    }

    @Test
    void publishedPostIsPersistedAndReadBackBySlugWithItsAuthorAndTags() {
        var author = newAuthor();
        var draft = posts.draft(author, "Hello from Arquillian " + author.getSlug(), "Some *Markdown*.", "", List.of("Testing", "GlassFish"));
        posts.publish(draft.getId(), Instant.parse("2001-02-03T04:05:06Z"));

        var read = posts.findVisible(draft.getSlug()).orElseThrow();
        assertEquals(draft.getId(), read.getId());
        assertEquals(PostStatus.PUBLISHED, read.getStatus());
        assertEquals("Integration Tester", read.getAuthor().getDisplayName());
        assertTrue(read.getHtml().contains("<em>Markdown</em>"), read.getHtml());
        assertEquals(List.of("glassfish", "testing"), List.copyOf(read.getTags()));
    }

    @Test
    void aKeptPostShowsItsRevisionAtTheNextReadAndGoesWhenUnpublished() {
        var author = newAuthor();
        var draft = posts.draft(author, "Kept once " + author.getSlug(), "First words.", "", List.of("memory"));
        posts.publish(draft.getId(), Instant.parse("2001-02-03T04:05:06Z"));
        assertEquals("Kept once " + author.getSlug(), kept.findVisible(draft.getSlug()).orElseThrow().getTitle());
        assertEquals(List.of("memory"), List.copyOf(kept.findVisible(draft.getSlug()).orElseThrow().getTags()));

        posts.update(draft.getId(), posts.find(draft.getId()).orElseThrow().getVersion(), "Kept twice " + author.getSlug(), draft.getSlug(), "Second words.", "",
                List.of("memory", "revision"));
        var read = kept.findVisible(draft.getSlug()).orElseThrow();
        assertEquals("Kept twice " + author.getSlug(), read.getTitle());
        assertTrue(read.getHtml().contains("Second words."), read.getHtml());
        assertEquals(List.of("memory", "revision"), List.copyOf(read.getTags()));

        posts.unpublish(draft.getId());
        assertTrue(kept.findVisible(draft.getSlug()).isEmpty());
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
    void listingsFilterByTagAuthorAndMonthAndPageNewestFirst() {
        var author = newAuthor();
        var tag = author.getSlug();
        for (int day = 1; day <= 5; day++) {
            var post = posts.draft(author, "Listed " + day + " " + tag, "Body.", "", List.of(tag));
            posts.publish(post.getId(), Instant.parse("2002-03-0" + day + "T12:00:00Z"));
        }
        posts.draft(author, "Hidden draft " + tag, "Body.", "", List.of(tag));
        posts.publish(posts.draft(author, "Hidden future " + tag, "Body.", "", List.of(tag)).getId(), Instant.now().plus(Duration.ofDays(3)));

        var first = posts.listVisible(PostFilter.tagged(tag), 1, 2);
        assertEquals(5, first.total(), "drafts and future posts are not counted");
        assertEquals(3, first.lastPage());
        assertEquals(List.of("Listed 5 " + tag, "Listed 4 " + tag), first.posts().stream().map(Post::getTitle).toList());
        assertTrue(first.hasNext());
        assertFalse(first.hasPrevious());
        var last = posts.listVisible(PostFilter.tagged(tag), 3, 2);
        assertEquals(List.of("Listed 1 " + tag), last.posts().stream().map(Post::getTitle).toList());
        assertFalse(last.hasNext());
        assertTrue(posts.listVisible(PostFilter.tagged(tag), 4, 2).isEmpty());
        assertEquals(5, posts.listVisible(PostFilter.byAuthor(author.getSlug()), 1, 10).total());
        assertTrue(posts.listVisible(PostFilter.publishedIn(YearMonth.of(2002, 3)), 1, 100).posts().stream()
                .filter(post -> post.getTags().contains(tag)).count() == 5);
        assertTrue(posts.visibleTags().contains(new TagCount(tag, 5)), "the tag counts only visible posts");
    }

    @Test
    void changedSlugIsFoundByTheOldOneAndCannotBeTakenByAnotherPost() {
        var author = newAuthor();
        var post = posts.draft(author, "Renamed " + author.getSlug(), "Body.", "", List.of());
        posts.publish(post.getId(), Instant.parse("2001-05-06T07:08:09Z"));
        var oldSlug = post.getSlug();
        posts.changeSlug(post.getId(), oldSlug + "-new");

        assertEquals(post.getId(), posts.findVisibleByOldSlug(oldSlug).orElseThrow().getId());
        assertTrue(posts.findVisible(oldSlug).isEmpty());
        var other = posts.draft(author, "Other " + author.getSlug(), "Body.", "", List.of());
        var error = assertThrows(IllegalArgumentException.class, () -> posts.changeSlug(other.getId(), oldSlug));
        assertTrue(error.getMessage().contains("has or had"), error.getMessage());
        assertEquals(oldSlug + "-2", posts.draft(author, "Renamed " + author.getSlug(), "Body.", "", List.of()).getSlug(),
                "a new post never takes an old slug");
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
        assertEquals(12, newest.size(), "the demo site has twelve published posts");
        assertEquals(DemoContent.STAR_POST_TITLE, newest.getFirst().getTitle());
    }

    @Test
    void migrationsAreUpToDateAfterDeployment() {
        assertEquals(0, schema.migrate(), "deployment already ran every migration");
    }
}

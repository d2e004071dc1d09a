package org.hearth.blog.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hearth.blog.author.Author;
import org.junit.jupiter.api.Test;

class PostTest {

    private final Author author = new Author("maya", "Maya Okafor", "Community lead.");

    private Post post() {
        return new Post(author, "hello-world", "Hello, world", "First *words*.\n\nMore.", "");
    }

    @Test
    void newPostIsADraftWithRenderedBodyAndDerivedExcerpt() {
        var post = post();
        assertEquals(PostStatus.DRAFT, post.getStatus());
        assertTrue(post.getHtml().contains("<em>words</em>"));
        assertEquals("First words.", post.getExcerpt());
        assertFalse(post.isVisibleAt(Instant.now()));
    }

    @Test
    void publishedPostIsVisibleOnlyOnceItsTimeHasCome() {
        var post = post();
        var at = Instant.parse("2026-11-01T10:00:00Z");
        post.publish(at);
        assertFalse(post.isVisibleAt(at.minus(Duration.ofSeconds(1))));
        assertTrue(post.isVisibleAt(at));
        post.unpublish();
        assertFalse(post.isVisibleAt(at.plus(Duration.ofDays(1))));
    }

    @Test
    void malformedSlugIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> new Post(author, "Hello World", "t", "b", ""));
        assertTrue(error.getMessage().contains("slug"));
    }

    @Test
    void blankOrOverlongTitleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Post(author, "a", " ", "b", ""));
        assertThrows(IllegalArgumentException.class, () -> new Post(author, "a", "x".repeat(Post.TITLE_MAX + 1), "b", ""));
        assertEquals(Post.TITLE_MAX, new Post(author, "a", "x".repeat(Post.TITLE_MAX), "b", "").getTitle().length());
    }

    @Test
    void overlongExcerptIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Post(author, "a", "t", "b", "x".repeat(Post.EXCERPT_MAX + 1)));
    }

    @Test
    void tagsAreNormalizedSortedAndDeduplicated() {
        var post = post();
        post.retag(List.of("Community Building", "community-building", "Java"));
        assertEquals(List.of("community-building", "java"), List.copyOf(post.getTags()));
    }

    @Test
    void tagWithoutLettersAndTooManyTagsAreRefused() {
        var post = post();
        assertThrows(IllegalArgumentException.class, () -> post.retag(List.of("!!!")));
        var many = java.util.stream.IntStream.rangeClosed(1, Post.TAGS_MAX + 1).mapToObj(i -> "tag" + i).toList();
        assertThrows(IllegalArgumentException.class, () -> post.retag(many));
    }

    @Test
    void unsavedPostsAreNeverEqual() {
        assertNotEquals(post(), post());
        var post = post();
        assertEquals(post, post);
    }

    @Test
    void authorNameIsRequiredAndTrimmed() {
        assertThrows(IllegalArgumentException.class, () -> new Author("x", "  ", ""));
        assertEquals("Maya", new Author("x", "  Maya ", null).getDisplayName());
    }

    @Test
    void changedSlugKeepsTheOldOneAndGoingBackDropsIt() {
        var post = post();
        post.changeSlug("hello-again");
        assertEquals("hello-again", post.getSlug());
        assertEquals(List.of("hello-world"), List.copyOf(post.getOldSlugs()));
        post.changeSlug("hello-world");
        assertEquals(List.of("hello-again"), List.copyOf(post.getOldSlugs()));
        assertThrows(IllegalArgumentException.class, () -> post.changeSlug("Not A Slug"));
    }
}

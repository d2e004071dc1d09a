package org.hearth.comments.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommentThreadTest {

    @Test
    void keepsKeyTitleAndCanonicalUrl() {
        var thread = new CommentThread("/posts/hello", "  Hello  ", "https://example.org/posts/hello");
        assertEquals("/posts/hello", thread.getKey());
        assertEquals("Hello", thread.getTitle());
        assertEquals("https://example.org/posts/hello", thread.getUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://example.org/x", "/posts/relative", "https://", "data:text/html,hi", "not a url"})
    void refusesUrlsThatAreNotAbsoluteHttp(String url) {
        var error = assertThrows(IllegalArgumentException.class, () -> new CommentThread("k", "Title", url));
        assertEquals("A thread's URL must be an absolute http or https URL of at most 2000 characters", error.getMessage());
    }

    @Test
    void refusesBlankOrOverlongKeys() {
        assertThrows(IllegalArgumentException.class, () -> new CommentThread(" ", "Title", "https://example.org/"));
        assertThrows(IllegalArgumentException.class, () -> new CommentThread("k".repeat(501), "Title", "https://example.org/"));
        assertEquals(500, new CommentThread("k".repeat(500), "Title", "https://example.org/").getKey().length());
    }
}

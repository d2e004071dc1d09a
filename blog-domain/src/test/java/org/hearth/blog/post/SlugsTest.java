package org.hearth.blog.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @Test
    void titleBecomesLowercaseHyphenatedWords() {
        assertEquals("being-a-star-in-our-communities", Slugs.from("Being A Star In Our Communities", 120));
    }

    @Test
    void accentsAreDroppedAndPunctuationSeparatesWords() {
        assertEquals("cafe-creme-what-s-new-2026", Slugs.from("  Café crème: what's new — 2026!  ", 120));
    }

    @Test
    void longTitleIsCutAtAWordBoundary() {
        assertEquals("hello-wonderful", Slugs.from("Hello wonderful world", 17));
    }

    @Test
    void textWithoutAsciiLettersGivesAnEmptySlug() {
        assertEquals("", Slugs.from("日本語 — ✨", 120));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "a--b", "A", "a b", "a_b", "é"})
    void malformedSlugsAreRefused(String slug) {
        assertFalse(Slugs.isValid(slug, 120));
        var error = assertThrows(IllegalArgumentException.class, () -> Slugs.require(org.hearth.blog.rule.Phrase.POST_SLUG_FORM, slug, 120));
        assertTrue(error.getMessage().startsWith("A post's slug must be"));
    }

    @Test
    void slugLongerThanTheLimitIsRefused() {
        assertTrue(Slugs.isValid("abc", 3));
        assertFalse(Slugs.isValid("abcd", 3));
    }
}

package org.hearth.comments.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void wordsAreLowerCaseWithoutAccentsAndCompatibilityFormsUnified() {
        assertEquals(List.of("cafe", "creme", "brulee", "naive"), SearchWords.split("Café CRÈME brûlée — naïve!"));
        assertEquals(List.of("file", "abc123"), SearchWords.split("ﬁle ＡＢＣ１２３"), "a ligature and full-width letters");
        assertEquals(List.of("istanbul"), SearchWords.split("İSTANBUL"), "the same in every locale");
    }

    @Test
    void lettersAndDigitsMakeWordsAndAnAddressIsItsParts() {
        assertEquals(Set.of("ada", "l", "example", "org", "hello", "100", "sure", "x"),
                SearchWords.of("Hello, 100% sure_x", null, "ada.l@example.org"));
        assertEquals(List.of("日本語のテキスト"), SearchWords.split("日本語のテキスト"), "a run of letters without spaces is one word");
    }

    @Test
    void longWordsAreCutToTheColumnWidth() {
        var word = "a".repeat(SearchWords.MAX_LENGTH + 10);
        assertEquals(List.of("a".repeat(SearchWords.MAX_LENGTH)), SearchWords.split(word));
    }

    @Test
    void afterIsTheFirstStringPastEveryStringWithThePrefix() {
        assertEquals("das", SearchWords.after("dar"));
        assertTrue("darzzz".compareTo(SearchWords.after("dar")) < 0);
        assertNull(SearchWords.after(String.valueOf(Character.MAX_VALUE)));
    }

    /**
     * Whatever the former search (a case-insensitive substring of the name, address or text) found for a search of
     * whole words or word beginnings, the word index finds too.
     */
    @Test
    void whatTheFormerSubstringSearchFoundForWordsTheWordSearchFinds() {
        var comments = List.of(
                new String[] {"Ada Lovelace", "ada@example.org", "Is there a dark theme? I'd love one."},
                new String[] {"Bea", null, "The THEME is fine, but darker text would help."},
                new String[] {"Cy O'Neil", "cy.oneil@example.com", "Ich hätte gern ein dunkles Thema."},
                new String[] {"Dee", null, "100% agree: dark-mode please, it's 2026"});
        var searches = List.of("dark theme", "dark", "Dark Theme", "ada@example", "lovelace", "theme is", "hätte gern", "dark-mode",
                "it's 2026", "cy.oneil", "100", "the");
        for (var search : searches) {
            for (var comment : comments) {
                var before = String.join("\n", comment[0], comment[1] == null ? "" : comment[1], comment[2]).toLowerCase(Locale.ROOT)
                        .contains(search.toLowerCase(Locale.ROOT));
                var words = SearchWords.of(comment[2], comment[0], comment[1]);
                var now = SearchWords.split(search).stream().allMatch(prefix -> words.stream().anyMatch(word -> word.startsWith(prefix)));
                if (before) {
                    assertTrue(now, search + " in " + comment[2]);
                }
            }
        }
        var words = SearchWords.of("Ich hätte gern ein dunkles Thema.");
        assertTrue(words.contains("hatte"), "found by hatte too");
        assertFalse(words.stream().anyMatch(word -> word.startsWith("ark")), "a word is found by its beginning only");
    }
}

package org.hearth.blog.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void wordsAreLowercasedDeduplicatedAndSplitAtAnyWhiteSpace() {
        assertEquals(List.of("community", "stars"), SearchTerms.of("  Community\tSTARS\ncommunity "));
    }

    @Test
    void nothingOrOnlySpaceGivesNoTerms() {
        assertTrue(SearchTerms.of(null).isEmpty());
        assertTrue(SearchTerms.of("").isEmpty());
        assertTrue(SearchTerms.of(" \t\u0000 ").isEmpty());
    }

    @Test
    void longQueriesAreCutToTheLimits() {
        assertEquals(SearchTerms.TERMS_MAX, SearchTerms.of("a b c d e f g h i j k l").size());
        assertEquals(SearchTerms.TERM_MAX, SearchTerms.of("x".repeat(500)).getFirst().length());
        assertTrue(SearchTerms.clean("y".repeat(10_000)).length() <= SearchTerms.QUERY_MAX);
    }

    @Test
    void controlCharactersAreDroppedAndCutNeverSplitsASurrogatePair() {
        assertEquals("ab", SearchTerms.clean("a\u0007b\u200e"));
        var emoji = "x".repeat(SearchTerms.QUERY_MAX - 1) + "😀";
        assertEquals(SearchTerms.QUERY_MAX - 1, SearchTerms.clean(emoji).length());
    }

    @Test
    void likeWildcardsAreEscaped() {
        assertEquals("100\\% \\_a\\\\b", PostSearch.escapeLike("100% _a\\b"));
    }
}

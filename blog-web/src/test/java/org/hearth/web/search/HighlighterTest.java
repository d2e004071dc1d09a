package org.hearth.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class HighlighterTest {

    @Test
    void wordsAreMarkedInAnyCaseAndTheTextIsEscaped() {
        var html = new Highlighter(List.of("star")).highlight("Being A Star <b>& stars</b>");
        assertEquals("Being A <mark>Star</mark> &lt;b&gt;&amp; <mark>star</mark>s&lt;/b&gt;", html);
    }

    @Test
    void hostileWordsAreMatchedLiterallyAndEscaped() {
        var html = new Highlighter(List.of("<script>", ".*", "\"")).highlight("a <script> .* \" b");
        assertEquals("a <mark>&lt;script&gt;</mark> <mark>.*</mark> <mark>&quot;</mark> b", html);
    }

    @Test
    void snippetCentresOnTheFirstMatchWithEllipses() {
        var text = "word ".repeat(100) + "needle " + "word ".repeat(100);
        var snippet = new Highlighter(List.of("needle")).snippet(text, 60);
        assertTrue(snippet.startsWith("… "), snippet);
        assertTrue(snippet.endsWith(" …"), snippet);
        assertTrue(snippet.contains("<mark>needle</mark>"), snippet);
        assertTrue(snippet.length() < 120, snippet);
    }

    @Test
    void withoutMatchTheSnippetIsTheStart() {
        var snippet = new Highlighter(List.of()).snippet("Short text.", 60);
        assertEquals("Short text.", snippet);
        assertFalse(snippet.contains("…"));
    }
}

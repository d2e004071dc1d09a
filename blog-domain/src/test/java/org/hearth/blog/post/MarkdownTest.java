package org.hearth.blog.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {

    @Test
    void rendersParagraphsEmphasisLinksAndCode() {
        var html = Markdown.toHtml("Hello *there*, see [Hearth](https://example.org/).\n\n```java\nvar x = 1;\n```");
        assertTrue(html.contains("<em>there</em>"), html);
        assertTrue(html.contains("<a href=\"https://example.org/\""), html);
        assertTrue(html.contains("<code class=\"language-java\">var x &#61; 1;"), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<svg onload=alert(1)></svg>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<p style=\"background:url(javascript:alert(1))\">x</p>"})
    void scriptsHandlersAndJavascriptUrlsNeverSurvive(String hostile) {
        var html = Markdown.toHtml(hostile).toLowerCase();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("onload"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("style="), html);
    }

    @Test
    void summaryIsTheFirstParagraphAsPlainText() {
        assertEquals("A first paragraph with a link.", Markdown.summary("# Title\n\nA *first* paragraph with [a link](https://x.org).\n\nSecond.", 100));
    }

    @Test
    void longSummaryIsCutAtAWordWithAnEllipsis() {
        var summary = Markdown.summary("one two three four five six seven eight nine ten", 20);
        assertEquals("one two three four…", summary);
        assertTrue(summary.length() <= 20);
    }

    @Test
    void plainTextKeepsTheWordsOfEveryBlockApart() {
        assertEquals("Title\n\nOne two.\n\nfirst second\n\nvar x = 1;",
                Markdown.plainText("# Title\n\nOne *two*.\n\n- first\n- second\n\n```\nvar x = 1;\n```"));
    }
}

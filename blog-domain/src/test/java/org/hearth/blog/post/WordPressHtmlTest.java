package org.hearth.blog.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WordPressHtmlTest {

    @Test
    void blockCommentsGoAndTheBlocksStay() {
        var html = WordPressHtml.toHtml("<!-- wp:paragraph -->\n<p>Plant them <strong>deep</strong>.</p>\n<!-- /wp:paragraph -->");
        assertEquals("<p>Plant them <strong>deep</strong>.</p>", html.strip());
    }

    @Test
    void aCaptionShortcodeBecomesAFigureWithItsCaption() {
        var html = WordPressHtml.toHtml("[caption id=\"attachment_5\" align=\"aligncenter\" width=\"300\"]"
                + "<img src=\"https://example.org/t.jpg\" alt=\"A tomato\" /> Our first tomato[/caption]");
        assertTrue(html.contains("<figure><img src=\"https://example.org/t.jpg\" alt=\"A tomato\" /><figcaption>Our first tomato</figcaption></figure>"), html);
        assertFalse(html.contains("[caption"), html);
    }

    @Test
    void classicTextGetsParagraphsAndLineBreaksAsWordPressShowedIt() {
        var html = WordPressHtml.toHtml("First line\nsecond line\n\nNext paragraph");
        assertEquals("<p>First line<br />\nsecond line</p>\n<p>Next paragraph</p>", html.strip());
    }

    @Test
    void scriptsAndHandlersAreSanitizedAway() {
        var html = WordPressHtml.toHtml("<p onclick=\"steal()\">Hi</p><script>alert(1)</script><iframe src=\"https://evil.example\"></iframe>");
        assertEquals("<p>Hi</p>", html.strip());
    }

    @Test
    void plainTextHasTheWordsWithoutMarkupOrEntities() {
        assertEquals("Plant them deep & water.\n\nSecond", WordPressHtml.plainText("<p>Plant them <b>deep</b> &amp; water.</p><p>Second</p>"));
    }
}

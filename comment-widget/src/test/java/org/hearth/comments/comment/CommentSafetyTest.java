package org.hearth.comments.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hearth.comments.host.InvalidCommentException;

/** Markdown + sanitizer against XSS payloads, and the author fields' rules. */
class CommentSafetyTest {

    private static final Set<String> SAFE_ELEMENTS = Set.of("p", "br", "em", "strong", "del", "code", "pre", "blockquote",
            "ul", "ol", "li", "hr", "a");

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)><circle r=1/></svg>",
            "<svg><script>alert(1)</script></svg>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[click](java\tscript:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![x](javascript:alert(1))",
            "![img](https://evil.example/track.png)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=https://evil.example></iframe>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p onclick=alert(1)>x</p>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "%3Cscript%3Ealert(1)%3C/script%3E",
            "<<script>script>alert(1)<</script>/script>",
            "<object data=javascript:alert(1)></object>",
            "<form action=javascript:alert(1)><button>x</button></form>",
            "`<script>`alert(1)",
            "<a href=\"https://ok.example\" onmouseover=\"alert(1)\">ok</a>"})
    void bodyNeverCarriesActiveContent(String payload) {
        var html = CommentBody.of(payload).html();
        for (var element : Jsoup.parseBodyFragment(html).body().select("*").not("body")) {
            assertTrue(SAFE_ELEMENTS.contains(element.normalName()), () -> element.normalName() + " survived in: " + html);
            for (var attribute : element.attributes()) {
                var name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertTrue(name.equals("href") || name.equals("rel"), () -> name + " survived in: " + html);
                if (name.equals("href")) {
                    assertTrue(attribute.getValue().matches("(?i)(|https?://.*|mailto:.*)"), () -> "link target survived in: " + html);
                }
            }
        }
    }

    @Test
    void markdownFormattingAndSafeLinksSurviveWithRelAttributes() {
        var html = CommentBody.of("Some *emphasis*, `code` and [a link](https://example.org/page).").html();
        assertTrue(html.contains("<em>emphasis</em>"), html);
        assertTrue(html.contains("<code>code</code>"), html);
        assertTrue(html.contains("href=\"https://example.org/page\""), html);
        assertTrue(html.contains("nofollow") && html.contains("ugc") && html.contains("noopener"), html);
    }

    @Test
    void rawHtmlIsShownAsTextNotDropped() {
        var html = CommentBody.of("I love the <b> tag").html();
        assertTrue(html.contains("&lt;b&gt;"), html);
    }

    @Test
    void bodyLimits() {
        assertEquals("blank", assertThrows(InvalidCommentException.class, () -> CommentBody.of("  \n ")).getReason());
        assertEquals("too-long", assertThrows(InvalidCommentException.class, () -> CommentBody.of("x".repeat(10_001))).getReason());
        assertEquals(10_000, CommentBody.of("x".repeat(10_000)).markdown().length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>",
            "vbscript:x", "ftp://example.org", "http://", "https:///nohost", "\"><script>alert(1)</script>"})
    void websiteMustBeHttpOrHttps(String website) {
        var error = assertThrows(InvalidCommentException.class, () -> CommentAuthor.guest("Ann", null, website));
        assertEquals("website", error.getField());
    }

    @Test
    void websiteWithoutSchemeBecomesHttps() {
        assertEquals("https://example.org", CommentAuthor.guest("Ann", null, "example.org").website());
    }

    @Test
    void nameIsPlainTextWithinLimits() {
        assertEquals("<script>alert(1)</script>", CommentAuthor.guest("<script>alert(1)</script>", null, null).name(),
                "kept as typed: it is escaped wherever it is shown");
        assertEquals("Ann Lee", CommentAuthor.guest(" Ann\u0007\tLee ", null, null).name(), "control characters are blanks");
        assertEquals("invalid-character", assertThrows(InvalidCommentException.class, () -> CommentAuthor.guest("Ann\u0000Lee", null, null)).getReason());
        assertEquals("name", assertThrows(InvalidCommentException.class, () -> CommentAuthor.guest(" ", null, null)).getField());
        assertEquals("too-long", assertThrows(InvalidCommentException.class, () -> CommentAuthor.guest("n".repeat(81), null, null)).getReason());
        assertEquals("email", assertThrows(InvalidCommentException.class, () -> CommentAuthor.guest("Ann", "not-an-address", null)).getField());
    }
}

package org.hearth.comments.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.hearth.comments.host.InvalidCommentException;

/** Bodies written as HTML elsewhere (imports): kept as written, shown through the same sanitizer as typed ones. */
class CommentBodyHtmlTest {

    @Test
    void paragraphsLineBreaksAndEmphasisShowAsTheyDidScriptsNever() {
        var body = CommentBody.ofHtml("How deep is <em>deep</em>?\nReally?\n\n<script>alert(1)</script><a href=\"javascript:x\" onclick=\"y\">link</a>");
        assertEquals("<p>How deep is <em>deep</em>?<br />Really?</p><p>link</p>", body.html());
        assertEquals("How deep is <em>deep</em>?\nReally?\n\n<script>alert(1)</script><a href=\"javascript:x\" onclick=\"y\">link</a>", body.markdown());
    }

    @Test
    void linksGetTheRelsOfEveryCommentLink() {
        var html = CommentBody.ofHtml("<a href=\"https://example.org\">x</a>").html();
        var rel = html.replaceAll(".*rel=\"([^\"]*)\".*", "$1");
        assertEquals(java.util.Set.of("nofollow", "ugc", "noopener"), java.util.Set.of(rel.split(" ")), html);
    }

    @Test
    void theRulesOfTypedBodiesApply() {
        assertEquals("blank", assertThrows(InvalidCommentException.class, () -> CommentBody.ofHtml("  ")).getReason());
        assertEquals("too-long", assertThrows(InvalidCommentException.class, () -> CommentBody.ofHtml("x".repeat(Comment.BODY_MAX + 1))).getReason());
        assertEquals("invalid-character", assertThrows(InvalidCommentException.class, () -> CommentBody.ofHtml("a\0b")).getReason());
    }

    @Test
    void duplicatesAreSpottedAsInTypedBodies() {
        assertEquals(CommentBody.of("Same  words").hash(), CommentBody.ofHtml("same words").hash());
    }
}

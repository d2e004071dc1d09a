package org.hearth.comments.host;

import static org.hearth.comments.comment.Comments.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.hearth.comments.comment.CommentAuthor;
import org.hearth.comments.render.Messages;
import org.hearth.comments.thread.CommentThread;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A thread's Atom feed as the widget writes it. */
class CommentFeedsTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }

    @Test
    void everyTextAndBodyStaysTextInAValidAtomDocument() throws Exception {
        var thread = new CommentThread("post-1", "Tags & <b>\"quotes\"</b>", "https://blog.example/posts/a?x=1&y=2");
        var hostile = "</name><script>alert(1)</script> & Co";
        var newest = comment(CommentAuthor.guest(hostile, null, null), "**Bold** <script>alert(2)</script> ]]> & more", null, 5,
                CommentStatus.APPROVED);
        var older = comment("Ana", null, 5);

        var xml = CommentFeeds.atom(thread.getKey(), thread.getTitle(), thread.getCreatedAt(), List.of(newest, older), thread.getUrl(),
                "https://blog.example/api/discussion/feed?thread=post-1", Messages.of(Locale.ENGLISH));
        var feed = parse(xml).getDocumentElement();

        assertEquals("feed", feed.getLocalName());
        assertEquals("Comments on “Tags & <b>\"quotes\"</b>”", text(feed, "title"));
        var entries = feed.getElementsByTagNameNS(ATOM, "entry");
        assertEquals(2, entries.getLength());
        var first = (Element) entries.item(0);
        assertEquals("Comment by " + hostile, text(first, "title"));
        assertEquals(hostile, text((Element) first.getElementsByTagNameNS(ATOM, "author").item(0), "name"));
        var content = (Element) first.getElementsByTagNameNS(ATOM, "content").item(0);
        assertEquals("html", content.getAttribute("type"));
        assertEquals(newest.getHtml().strip(), content.getTextContent().strip(), "the sanitized body, escaped once");
        assertTrue(!newest.getHtml().contains("<script>"), "the body was sanitized before it was stored");
        assertEquals("https://blog.example/posts/a?x=1&y=2#comment-" + newest.getId(), text(first, "id"));
        assertTrue(xml.contains("href=\"https://blog.example/api/discussion/feed?thread=post-1\""), xml);
        assertEquals(0, feed.getElementsByTagNameNS("*", "script").getLength(), "nothing became markup");
    }
}

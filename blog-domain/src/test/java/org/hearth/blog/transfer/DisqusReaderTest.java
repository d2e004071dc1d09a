package org.hearth.blog.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DisqusReaderTest {

    private static List<Disqus.Entry> readAll(InputStream in) {
        try (var reader = new DisqusReader(in)) {
            var entries = new ArrayList<Disqus.Entry>();
            for (Disqus.Entry entry; (entry = reader.next()) != null; ) {
                entries.add(entry);
            }
            return entries;
        }
    }

    private static InputStream bytes(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsThreadsWithLinkAndIdentifierAndPostsWithParentAuthorAndFlags() throws IOException {
        List<Disqus.Entry> entries;
        try (var in = DisqusReaderTest.class.getResourceAsStream("small-disqus.xml")) {
            entries = readAll(in);
        }
        var threads = entries.stream().filter(Disqus.Thread.class::isInstance).map(Disqus.Thread.class::cast).toList();
        assertEquals(3, threads.size());
        assertEquals("https://old-garden.example.org/2024/05/01/tomatoes-in-may/", threads.get(0).link());
        assertEquals("widget-page-guestbook", threads.get(1).identifier());
        var posts = entries.stream().filter(Disqus.Post.class::isInstance).map(Disqus.Post.class::cast).toList();
        assertEquals(6, posts.size());
        var reply = posts.get(1);
        assertEquals("1002", reply.id());
        assertEquals("100", reply.threadId());
        assertEquals("1001", reply.parentId());
        assertEquals("Omar", reply.authorName());
        assertEquals(Instant.parse("2024-05-06T09:00:00Z"), reply.createdAt());
        assertEquals("lena@example.com", posts.get(0).authorEmail());
        assertNull(posts.get(0).parentId());
        assertTrue(posts.get(2).deleted());
        assertTrue(posts.get(3).spam());
    }

    @Test
    void aWordPressExportIsNotADisqusOne() {
        var refusal = assertThrows(TransferException.class, () -> readAll(bytes("<rss><channel/></rss>")));
        assertEquals("This is not a Disqus export: expected <disqus xmlns=\"http://disqus.com\">; found <rss> at line 1", refusal.getMessage());
    }

    @Test
    void aDtdIsRefused() {
        var refusal = assertThrows(TransferException.class, () -> readAll(bytes(
                "<?xml version=\"1.0\"?><!DOCTYPE disqus [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><disqus xmlns=\"http://disqus.com\">&x;</disqus>")));
        assertTrue(refusal.getMessage().contains("DTD"), refusal.getMessage());
    }

    @Test
    void aPostWithoutThreadNamesItsLine() {
        var refusal = assertThrows(TransferException.class, () -> readAll(bytes("""
                <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
                <post dsq:id="9"><message>x</message><createdAt>2024-01-01T00:00:00Z</createdAt></post>
                </disqus>""")));
        assertEquals("post 9 at line 2 names no thread", refusal.getMessage());
    }

    @Test
    void theFormatOfAnExportIsToldByItsRootElement() {
        assertEquals(ExportFormat.DISQUS, ExportFormat.of(bytes("<disqus xmlns=\"http://disqus.com\"/>")));
        assertEquals(ExportFormat.WORDPRESS, ExportFormat.of(bytes("<?xml version=\"1.0\"?>\n<rss/>")));
        assertThrows(TransferException.class, () -> ExportFormat.of(bytes("<!DOCTYPE x><rss/>")));
    }
}

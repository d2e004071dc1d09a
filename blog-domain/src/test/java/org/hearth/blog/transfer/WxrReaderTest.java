package org.hearth.blog.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WxrReaderTest {

    private static List<Wxr.Entry> readAll(String xml) {
        try (var reader = new WxrReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            var entries = new ArrayList<Wxr.Entry>();
            for (Wxr.Entry entry; (entry = reader.next()) != null; ) {
                entries.add(entry);
            }
            return entries;
        }
    }

    private static String fixture() {
        try (var in = WxrReaderTest.class.getResourceAsStream("small-wordpress.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String export(String channelContent) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel><title>T</title><link>https://t.example</link><wp:wxr_version>1.2</wp:wxr_version>
                """ + channelContent + "\n</channel></rss>";
    }

    @Test
    void readsSiteAuthorsTermsPostsAndCommentsOfAHandWrittenExport() {
        var xml = fixture();
        try (var reader = new WxrReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            assertEquals("https://old-garden.example.org", reader.site().identity());
            assertEquals("1.2", reader.site().wxrVersion());
        }
        var entries = readAll(xml);
        var authors = entries.stream().filter(Wxr.Author.class::isInstance).map(Wxr.Author.class::cast).toList();
        assertEquals(List.of("ines", "pablo.r"), authors.stream().map(Wxr.Author::login).toList());
        assertEquals("Inès Moreau", authors.get(0).displayName());
        var items = entries.stream().filter(Wxr.Item.class::isInstance).map(Wxr.Item.class::cast).toList();
        assertEquals(6, items.size());
        var tomatoes = items.get(0);
        assertEquals(11, tomatoes.id());
        assertEquals("tomatoes-in-may", tomatoes.slug());
        assertEquals("publish", tomatoes.status());
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), tomatoes.dateGmt());
        assertEquals("How to plant tomatoes.", tomatoes.excerpt());
        assertTrue(tomatoes.content().contains("[caption id=\"attachment_5\""));
        assertEquals(List.of("Vegetables", "Tomatoes"), tomatoes.terms().stream().map(Wxr.Term::name).toList());
        assertEquals(9, tomatoes.comments().size());
        var reply = tomatoes.comments().get(1);
        assertEquals(22, reply.id());
        assertEquals(21, reply.parentId());
        assertEquals(1, reply.userId());
        assertEquals(Instant.parse("2024-05-02T09:00:00Z"), reply.dateGmt());
        assertTrue(tomatoes.comments().get(7).isPing());
        assertEquals(Instant.parse("2024-06-01T10:00:00Z"), items.get(1).dateGmt(), "a draft's local date when it has no GMT one");
    }

    @Test
    void aDocumentTypeIsRefusedSoNoExternalEntityIsEverRead(@TempDir Path dir) throws IOException {
        var secret = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0");
        var xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "%s">]>
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&secret;</title>
                <wp:wxr_version>1.2</wp:wxr_version></channel></rss>""".formatted(secret.toUri());
        var refusal = assertThrows(TransferException.class, () -> readAll(xml));
        assertTrue(refusal.getMessage().contains("DTD"), refusal.getMessage());
        assertTrue(!refusal.getMessage().contains("root:x"), refusal.getMessage());
    }

    @Test
    void entityExpansionIsRefusedBeforeAnythingExpands() {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>&lol9;</title>"
                + "<wp:wxr_version>1.2</wp:wxr_version></channel></rss>");
        var refusal = assertThrows(TransferException.class, () -> readAll(laughs.toString()));
        assertTrue(refusal.getMessage().contains("DTD"), refusal.getMessage());
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedWholeNamingWhatWasExpected() {
        var feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A feed</title><item><title>x</title></item></channel></rss>";
        var refusal = assertThrows(TransferException.class, () -> readAll(feed));
        assertTrue(refusal.getMessage().contains("not a WordPress export"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("wp:wxr_version"), refusal.getMessage());
        var html = assertThrows(TransferException.class, () -> readAll("<html><body>Hello</body></html>"));
        assertTrue(html.getMessage().contains("found <html> at line 1"), html.getMessage());
        var text = assertThrows(TransferException.class, () -> readAll("just some text"));
        assertTrue(text.getMessage().contains("not well-formed XML at line 1"), text.getMessage());
    }

    @Test
    void anErrorInsideAValidExportNamesTheElementAndItsLine() {
        var xml = export("""
                <item><title>Fine</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type></item>
                <item><title>Broken</title>
                <wp:post_id>2</wp:post_id>
                <wp:post_date_gmt>yesterday</wp:post_date_gmt></item>""");
        try (var reader = new WxrReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            assertEquals(1, ((Wxr.Item) reader.next()).id(), "what comes before the error is read");
            var refusal = assertThrows(TransferException.class, reader::next);
            assertEquals("wp:post_date_gmt at line 7 should be a date like 2024-05-01 10:30:00: yesterday", refusal.getMessage());
        }
    }

    @Test
    void aTruncatedExportNamesTheLineWhereItBreaks() {
        var xml = export("<item><title>Cut").replace("\n</channel></rss>", "");
        var refusal = assertThrows(TransferException.class, () -> readAll(xml));
        assertTrue(refusal.getMessage().startsWith("The export is not well-formed XML at line 4"), refusal.getMessage());
    }

    @Test
    void theEndOfTheExportIsNull() {
        try (var reader = new WxrReader(new ByteArrayInputStream(export("").getBytes(StandardCharsets.UTF_8)))) {
            assertNull(reader.next());
        }
    }
}

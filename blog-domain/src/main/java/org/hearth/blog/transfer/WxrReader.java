package org.hearth.blog.transfer;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.hearth.blog.rule.Phrase;

/**
 * Reads a WordPress export (WXR 1.0 to 1.2, as WordPress 5 and 6 write it under Tools → Export) as a stream, one
 * {@linkplain Wxr.Entry entry} at a time, so a file of any size is read in little memory.
 * <p>
 * Safe with files from anywhere: a document type declaration (and so every entity declaration, external or not) is
 * refused, external entities are never fetched, and no text field is read beyond {@value #TEXT_MAX} characters. A file
 * that is not an export is refused before its first entry, with a message saying what was expected; an error later
 * names the element and its line.
 *
 * <pre>{@code
 * try (var reader = new WxrReader(in)) {
 *     for (Wxr.Entry entry; (entry = reader.next()) != null; ) { ... }
 * }
 * }</pre>
 */
public final class WxrReader implements AutoCloseable {

    /** The longest text of one element read (a post's body included). */
    public static final int TEXT_MAX = 4_000_000;

    private static final String WP = "http://wordpress.org/export/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final XMLStreamReader xml;
    private final XmlText reading;
    private Wxr.Site site;

    /**
     * Opens the export and reads its head, up to its first entry.
     *
     * @throws TransferException when the file is not a WordPress export, or not XML
     */
    public WxrReader(InputStream in) {
        try {
            xml = factory().createXMLStreamReader(in);
            reading = new XmlText(xml);
            readHead();
        } catch (XMLStreamException e) {
            throw XmlText.malformed(e);
        }
    }

    /** A StAX factory that reads no DTD and fetches nothing. */
    static XMLInputFactory factory() {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("External entities are refused: " + systemId);
        });
        return factory;
    }

    /** The site the export comes from. */
    public Wxr.Site site() {
        return site;
    }

    /**
     * The next entry, or null at the end of the export.
     *
     * @throws TransferException naming the element and its line when the XML is malformed or an element breaks a rule
     */
    public Wxr.Entry next() {
        try {
            while (reading.nextStart()) {
                var entry = entry();
                if (entry != null) {
                    return entry;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw XmlText.malformed(e);
        }
    }

    @Override
    public void close() {
        reading.close();
    }

    private void readHead() throws XMLStreamException {
        String title = null;
        String link = null;
        String base = null;
        var inChannel = false;
        while (reading.nextStart()) {
            var name = xml.getLocalName();
            if (!inChannel) {
                if (name.equals("rss") && noNamespace()) {
                    continue;
                }
                var wp = xml.getNamespaceContext().getNamespaceURI("wp");
                if (name.equals("channel") && noNamespace() && wp != null && wp.startsWith(WP)) {
                    inChannel = true;
                    continue;
                }
                throw new TransferException(Phrase.NOT_WORDPRESS_FOUND, xml.getName().getLocalPart(), reading.line());
            }
            if (isWp() && name.equals("wxr_version")) {
                site = new Wxr.Site(title, link, base, reading.read());
                return;
            }
            if (noNamespace() && name.equals("title")) {
                title = reading.read();
            } else if (noNamespace() && name.equals("link")) {
                link = reading.read();
            } else if (isWp() && name.equals("base_site_url")) {
                base = reading.read();
            } else if (name.equals("item") || isWp()) {
                break;
            } else {
                reading.skip();
            }
        }
        throw new TransferException(Phrase.NOT_WORDPRESS);
    }

    private Wxr.Entry entry() throws XMLStreamException {
        var name = xml.getLocalName();
        if (noNamespace() && name.equals("item")) {
            return item();
        }
        if (isWp() && name.equals("author")) {
            return author();
        }
        if (isWp() && (name.equals("category") || name.equals("tag"))) {
            return channelTerm(name.equals("tag"));
        }
        if (isWp() && name.equals("base_site_url")) {
            site = new Wxr.Site(site.title(), site.link(), reading.read(), site.wxrVersion());
            return null;
        }
        if (!name.equals("channel") && !name.equals("rss")) {
            reading.skip();
        }
        return null;
    }

    private Wxr.Author author() throws XMLStreamException {
        var line = reading.line();
        long id = 0;
        String login = null;
        String email = null;
        String displayName = null;
        while (reading.nextChild()) {
            switch (xml.getLocalName()) {
                case "author_id" -> id = number("wp:author_id");
                case "author_login" -> login = reading.read();
                case "author_email" -> email = reading.read();
                case "author_display_name" -> displayName = reading.read();
                default -> reading.skip();
            }
        }
        if (login == null || login.isBlank()) {
            throw new TransferException(Phrase.ELEMENT_MISSING, "wp:author", line, "wp:author_login");
        }
        return new Wxr.Author(id, login.strip(), email, displayName, line);
    }

    private Wxr.Term channelTerm(boolean tag) throws XMLStreamException {
        String slug = null;
        String name = null;
        while (reading.nextChild()) {
            switch (xml.getLocalName()) {
                case "category_nicename", "tag_slug" -> slug = reading.read();
                case "cat_name", "tag_name" -> name = reading.read();
                default -> reading.skip();
            }
        }
        return new Wxr.Term(tag ? "post_tag" : "category", slug, name);
    }

    private Wxr.Item item() throws XMLStreamException {
        var line = reading.line();
        long id = 0;
        String postType = "post";
        String title = "";
        String link = null;
        String slug = null;
        String status = "draft";
        Instant dateGmt = null;
        Instant dateLocal = null;
        String creator = null;
        String content = "";
        String excerpt = "";
        var terms = new ArrayList<Wxr.Term>();
        var comments = new ArrayList<Wxr.Comment>();
        while (reading.nextChild()) {
            var name = xml.getLocalName();
            var ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
            if (ns.isEmpty()) {
                switch (name) {
                    case "title" -> title = reading.read();
                    case "link" -> link = reading.read();
                    case "category" -> terms.add(new Wxr.Term(xml.getAttributeValue(null, "domain"),
                            xml.getAttributeValue(null, "nicename"), reading.read()));
                    default -> reading.skip();
                }
            } else if (ns.equals(CONTENT) && name.equals("encoded")) {
                content = reading.read();
            } else if (ns.startsWith(WP) && ns.endsWith("/excerpt/") && name.equals("encoded")) {
                excerpt = reading.read();
            } else if (ns.equals(DC) && name.equals("creator")) {
                creator = reading.read();
            } else if (ns.startsWith(WP)) {
                switch (name) {
                    case "post_id" -> id = number("wp:post_id");
                    case "post_name" -> slug = reading.read();
                    case "status" -> status = reading.read().strip();
                    case "post_type" -> postType = reading.read().strip();
                    case "post_date_gmt" -> dateGmt = date("wp:post_date_gmt");
                    case "post_date" -> dateLocal = date("wp:post_date");
                    case "comment" -> comments.add(comment());
                    default -> reading.skip();
                }
            } else {
                reading.skip();
            }
        }
        if (id <= 0) {
            throw new TransferException(Phrase.ELEMENT_MISSING, "item", line, "wp:post_id");
        }
        return new Wxr.Item(id, postType, title, link, slug, status, dateGmt != null ? dateGmt : dateLocal, creator,
                content, excerpt, List.copyOf(terms), List.copyOf(comments), line);
    }

    private Wxr.Comment comment() throws XMLStreamException {
        var line = reading.line();
        long id = 0;
        long parent = 0;
        long user = 0;
        String author = "";
        String email = null;
        String url = null;
        Instant dateGmt = null;
        Instant dateLocal = null;
        String content = "";
        String approved = "1";
        String type = "";
        while (reading.nextChild()) {
            switch (xml.getLocalName()) {
                case "comment_id" -> id = number("wp:comment_id");
                case "comment_parent" -> parent = number("wp:comment_parent");
                case "comment_user_id" -> user = number("wp:comment_user_id");
                case "comment_author" -> author = reading.read();
                case "comment_author_email" -> email = reading.read();
                case "comment_author_url" -> url = reading.read();
                case "comment_date_gmt" -> dateGmt = date("wp:comment_date_gmt");
                case "comment_date" -> dateLocal = date("wp:comment_date");
                case "comment_content" -> content = reading.read();
                case "comment_approved" -> approved = reading.read().strip();
                case "comment_type" -> type = reading.read().strip();
                default -> reading.skip();
            }
        }
        if (id <= 0) {
            throw new TransferException(Phrase.ELEMENT_MISSING, "wp:comment", line, "wp:comment_id");
        }
        return new Wxr.Comment(id, parent, author, email, url, dateGmt != null ? dateGmt : dateLocal, content, approved,
                type, user, line);
    }

    private long number(String element) throws XMLStreamException {
        var line = reading.line();
        var text = reading.read().strip();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TransferException(Phrase.NOT_A_NUMBER, element, line, abbreviated(text));
        }
    }

    private Instant date(String element) throws XMLStreamException {
        var line = reading.line();
        var text = reading.read().strip();
        if (text.isEmpty() || text.startsWith("0000-00-00")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new TransferException(Phrase.NOT_A_WORDPRESS_DATE, element, line, abbreviated(text));
        }
    }

    private boolean isWp() {
        var ns = xml.getNamespaceURI();
        return ns != null && ns.startsWith(WP) && !ns.endsWith("/excerpt/");
    }

    private boolean noNamespace() {
        return xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty();
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

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
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
    private static final String NOT_AN_EXPORT = "This is not a WordPress export: expected an <rss> document with a "
            + "<channel> holding <wp:wxr_version> (Tools → Export → All content in WordPress)";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final XMLStreamReader xml;
    private Wxr.Site site;

    /**
     * Opens the export and reads its head, up to its first entry.
     *
     * @throws TransferException when the file is not a WordPress export, or not XML
     */
    public WxrReader(InputStream in) {
        try {
            xml = factory().createXMLStreamReader(in);
            readHead();
        } catch (XMLStreamException e) {
            throw malformed(e);
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
            while (xml.hasNext()) {
                var event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw refused();
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                var entry = entry();
                if (entry != null) {
                    return entry;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing more to read
        }
    }

    private void readHead() throws XMLStreamException {
        String title = null;
        String link = null;
        String base = null;
        var inChannel = false;
        while (xml.hasNext()) {
            var event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw refused();
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
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
                throw new TransferException(NOT_AN_EXPORT + "; found <" + xml.getName().getLocalPart() + "> at line " + line());
            }
            if (isWp() && name.equals("wxr_version")) {
                site = new Wxr.Site(title, link, base, text());
                return;
            }
            if (noNamespace() && name.equals("title")) {
                title = text();
            } else if (noNamespace() && name.equals("link")) {
                link = text();
            } else if (isWp() && name.equals("base_site_url")) {
                base = text();
            } else if (name.equals("item") || isWp()) {
                break;
            } else {
                skip();
            }
        }
        throw new TransferException(NOT_AN_EXPORT);
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
            site = new Wxr.Site(site.title(), site.link(), text(), site.wxrVersion());
            return null;
        }
        if (!name.equals("channel") && !name.equals("rss")) {
            skip();
        }
        return null;
    }

    private Wxr.Author author() throws XMLStreamException {
        var line = line();
        long id = 0;
        String login = null;
        String email = null;
        String displayName = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "author_id" -> id = number("wp:author_id");
                case "author_login" -> login = text();
                case "author_email" -> email = text();
                case "author_display_name" -> displayName = text();
                default -> skip();
            }
        }
        if (login == null || login.isBlank()) {
            throw new TransferException("wp:author at line " + line + " has no wp:author_login");
        }
        return new Wxr.Author(id, login.strip(), email, displayName, line);
    }

    private Wxr.Term channelTerm(boolean tag) throws XMLStreamException {
        String slug = null;
        String name = null;
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "category_nicename", "tag_slug" -> slug = text();
                case "cat_name", "tag_name" -> name = text();
                default -> skip();
            }
        }
        return new Wxr.Term(tag ? "post_tag" : "category", slug, name);
    }

    private Wxr.Item item() throws XMLStreamException {
        var line = line();
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
        while (nextChild()) {
            var name = xml.getLocalName();
            var ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
            if (ns.isEmpty()) {
                switch (name) {
                    case "title" -> title = text();
                    case "link" -> link = text();
                    case "category" -> terms.add(new Wxr.Term(xml.getAttributeValue(null, "domain"),
                            xml.getAttributeValue(null, "nicename"), text()));
                    default -> skip();
                }
            } else if (ns.equals(CONTENT) && name.equals("encoded")) {
                content = text();
            } else if (ns.startsWith(WP) && ns.endsWith("/excerpt/") && name.equals("encoded")) {
                excerpt = text();
            } else if (ns.equals(DC) && name.equals("creator")) {
                creator = text();
            } else if (ns.startsWith(WP)) {
                switch (name) {
                    case "post_id" -> id = number("wp:post_id");
                    case "post_name" -> slug = text();
                    case "status" -> status = text().strip();
                    case "post_type" -> postType = text().strip();
                    case "post_date_gmt" -> dateGmt = date("wp:post_date_gmt");
                    case "post_date" -> dateLocal = date("wp:post_date");
                    case "comment" -> comments.add(comment());
                    default -> skip();
                }
            } else {
                skip();
            }
        }
        if (id <= 0) {
            throw new TransferException("item at line " + line + " has no wp:post_id");
        }
        return new Wxr.Item(id, postType, title, link, slug, status, dateGmt != null ? dateGmt : dateLocal, creator,
                content, excerpt, List.copyOf(terms), List.copyOf(comments), line);
    }

    private Wxr.Comment comment() throws XMLStreamException {
        var line = line();
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
        while (nextChild()) {
            switch (xml.getLocalName()) {
                case "comment_id" -> id = number("wp:comment_id");
                case "comment_parent" -> parent = number("wp:comment_parent");
                case "comment_user_id" -> user = number("wp:comment_user_id");
                case "comment_author" -> author = text();
                case "comment_author_email" -> email = text();
                case "comment_author_url" -> url = text();
                case "comment_date_gmt" -> dateGmt = date("wp:comment_date_gmt");
                case "comment_date" -> dateLocal = date("wp:comment_date");
                case "comment_content" -> content = text();
                case "comment_approved" -> approved = text().strip();
                case "comment_type" -> type = text().strip();
                default -> skip();
            }
        }
        if (id <= 0) {
            throw new TransferException("wp:comment at line " + line + " has no wp:comment_id");
        }
        return new Wxr.Comment(id, parent, author, email, url, dateGmt != null ? dateGmt : dateLocal, content, approved,
                type, user, line);
    }

    /** Moves to the next child element of the current one; false at its end. */
    private boolean nextChild() throws XMLStreamException {
        while (xml.hasNext()) {
            var event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** The text of the current element (which must hold no element), at most {@value #TEXT_MAX} characters. */
    private String text() throws XMLStreamException {
        var element = qualifiedName();
        var line = line();
        var text = new StringBuilder();
        while (xml.hasNext()) {
            var event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + xml.getTextLength() > TEXT_MAX) {
                        throw new TransferException(element + " at line " + line + " is longer than " + TEXT_MAX + " characters");
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT ->
                        throw new TransferException(element + " at line " + line + " should hold text, not <" + qualifiedName() + ">");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw refused();
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
        throw new TransferException(element + " at line " + line + " does not end");
    }

    private long number(String element) throws XMLStreamException {
        var line = line();
        var text = text().strip();
        try {
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TransferException(element + " at line " + line + " should be a number: " + abbreviated(text));
        }
    }

    private Instant date(String element) throws XMLStreamException {
        var line = line();
        var text = text().strip();
        if (text.isEmpty() || text.startsWith("0000-00-00")) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new TransferException(element + " at line " + line + " should be a date like 2024-05-01 10:30:00: "
                    + abbreviated(text));
        }
    }

    private void skip() throws XMLStreamException {
        var depth = 1;
        while (depth > 0 && xml.hasNext()) {
            var event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw refused();
            }
        }
    }

    private boolean isWp() {
        var ns = xml.getNamespaceURI();
        return ns != null && ns.startsWith(WP) && !ns.endsWith("/excerpt/");
    }

    private boolean noNamespace() {
        return xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty();
    }

    private String qualifiedName() {
        var prefix = xml.getPrefix();
        return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
    }

    private int line() {
        return xml.getLocation().getLineNumber();
    }

    private TransferException refused() {
        return new TransferException("This file declares a document type (DTD) at line " + line()
                + ": exports never do, and DTDs are refused (they can read files or expand without end)");
    }

    private static TransferException malformed(XMLStreamException e) {
        var at = e.getLocation();
        var where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        var message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        return new TransferException("The export is not well-formed XML" + where + ": " + message, e);
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}

package org.hearth.blog.transfer;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.hearth.blog.rule.Phrase;

/**
 * Reads a Disqus export (Admin → Moderation → Export: {@code <disqus xmlns="http://disqus.com">} with {@code thread} and
 * {@code post} elements) as a stream, one {@linkplain Disqus.Entry entry} at a time, as safely as {@link WxrReader}:
 * no DTD, no external entity, text capped, errors naming the element and its line.
 */
public final class DisqusReader implements AutoCloseable {

    private static final String DISQUS = "http://disqus.com";
    private static final String INTERNALS = "http://disqus.com/disqus-internals";

    private final XMLStreamReader xml;
    private final XmlText text;

    /**
     * @throws TransferException when the file is not a Disqus export, or not XML
     */
    public DisqusReader(InputStream in) {
        try {
            xml = WxrReader.factory().createXMLStreamReader(in);
            text = new XmlText(xml);
            if (!text.nextStart()) {
                throw new TransferException(Phrase.DISQUS_EMPTY);
            }
            if (!xml.getLocalName().equals("disqus") || !DISQUS.equals(xml.getNamespaceURI())) {
                throw new TransferException(Phrase.NOT_DISQUS_FOUND, xml.getLocalName(), text.line());
            }
        } catch (XMLStreamException e) {
            throw XmlText.malformed(e);
        }
    }

    /** The next thread or post, or null at the end. */
    public Disqus.Entry next() {
        try {
            while (text.nextStart()) {
                switch (xml.getLocalName()) {
                    case "thread" -> {
                        return thread();
                    }
                    case "post" -> {
                        return post();
                    }
                    default -> text.skip();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw XmlText.malformed(e);
        }
    }

    @Override
    public void close() {
        text.close();
    }

    private Disqus.Thread thread() throws XMLStreamException {
        var line = text.line();
        var id = dsqId("thread");
        String identifier = "";
        String link = null;
        String title = "";
        while (text.nextChild()) {
            switch (xml.getLocalName()) {
                case "id" -> identifier = text.read().strip();
                case "link" -> link = text.read().strip();
                case "title" -> title = text.read().strip();
                default -> text.skip();
            }
        }
        return new Disqus.Thread(id, identifier, link, title, line);
    }

    private Disqus.Post post() throws XMLStreamException {
        var line = text.line();
        var id = dsqId("post");
        String thread = null;
        String parent = null;
        String name = "";
        String email = null;
        String username = null;
        String message = "";
        Instant createdAt = null;
        var deleted = false;
        var spam = false;
        while (text.nextChild()) {
            switch (xml.getLocalName()) {
                case "message" -> message = text.read();
                case "createdAt" -> createdAt = instant(text.line(), text.read().strip());
                case "isDeleted" -> deleted = Boolean.parseBoolean(text.read().strip());
                case "isSpam" -> spam = Boolean.parseBoolean(text.read().strip());
                case "thread" -> {
                    thread = dsqId("thread");
                    text.skip();
                }
                case "parent" -> {
                    parent = dsqId("parent");
                    text.skip();
                }
                case "author" -> {
                    while (text.nextChild()) {
                        switch (xml.getLocalName()) {
                            case "name" -> name = text.read();
                            case "email" -> email = text.read();
                            case "username" -> username = text.read();
                            default -> text.skip();
                        }
                    }
                }
                default -> text.skip();
            }
        }
        if (thread == null) {
            throw new TransferException(Phrase.DISQUS_POST_THREADLESS, id, line);
        }
        if (createdAt == null) {
            throw new TransferException(Phrase.DISQUS_POST_UNDATED, id, line);
        }
        return new Disqus.Post(id, thread, parent, name, email, username, message, createdAt, deleted, spam, line);
    }

    private String dsqId(String element) {
        var id = xml.getAttributeValue(INTERNALS, "id");
        if (id == null || id.isBlank()) {
            throw new TransferException(Phrase.ELEMENT_MISSING, element, text.line(), "dsq:id");
        }
        return id.strip();
    }

    private static Instant instant(int line, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new TransferException(Phrase.NOT_A_DISQUS_TIME, line, value);
        }
    }
}

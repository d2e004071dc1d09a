package org.hearth.blog.transfer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.Sentence;

/** The walk through an export's elements that {@link WxrReader} and {@link DisqusReader} share. */
final class XmlText {

    private final XMLStreamReader xml;

    XmlText(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** Moves to the next element start, wherever it is, refusing a DTD on the way; false at the end of the document. */
    boolean nextStart() throws XMLStreamException {
        while (xml.hasNext()) {
            var event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw dtdRefused();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** Closes the reader (the stream stays its owner's to close). */
    void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing more to read
        }
    }

    /** Moves to the next child element of the current one; false at its end. */
    boolean nextChild() throws XMLStreamException {
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

    /** The text of the current element (which must hold no element), at most {@value WxrReader#TEXT_MAX} characters. */
    String read() throws XMLStreamException {
        var element = qualifiedName();
        var line = line();
        var text = new StringBuilder();
        while (xml.hasNext()) {
            var event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + xml.getTextLength() > WxrReader.TEXT_MAX) {
                        throw new TransferException(Phrase.ELEMENT_TOO_LONG, element, line, WxrReader.TEXT_MAX);
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT ->
                        throw new TransferException(Phrase.ELEMENT_NOT_TEXT, element, line, qualifiedName());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw dtdRefused();
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
        throw new TransferException(Phrase.ELEMENT_UNENDED, element, line);
    }

    /** Skips the current element with everything inside. */
    void skip() throws XMLStreamException {
        var depth = 1;
        while (depth > 0 && xml.hasNext()) {
            var event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw dtdRefused();
            }
        }
    }

    String qualifiedName() {
        var prefix = xml.getPrefix();
        return prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
    }

    int line() {
        return xml.getLocation().getLineNumber();
    }

    TransferException dtdRefused() {
        return new TransferException(Phrase.DTD_REFUSED, line());
    }

    static TransferException malformed(XMLStreamException e) {
        var at = e.getLocation();
        var message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        return new TransferException(at == null ? Sentence.of(Phrase.MALFORMED, message)
                : Sentence.of(Phrase.MALFORMED_AT, at.getLineNumber(), at.getColumnNumber(), message), e);
    }
}

package org.hearth.blog.transfer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

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
                        throw new TransferException(element + " at line " + line + " is longer than " + WxrReader.TEXT_MAX + " characters");
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text.toString();
                }
                case XMLStreamConstants.START_ELEMENT ->
                        throw new TransferException(element + " at line " + line + " should hold text, not <" + qualifiedName() + ">");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw dtdRefused();
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
        throw new TransferException(element + " at line " + line + " does not end");
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
        return new TransferException("This file declares a document type (DTD) at line " + line()
                + ": exports never do, and DTDs are refused (they can read files or expand without end)");
    }

    static TransferException malformed(XMLStreamException e) {
        var at = e.getLocation();
        var where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        var message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        return new TransferException("The export is not well-formed XML" + where + ": " + message, e);
    }
}

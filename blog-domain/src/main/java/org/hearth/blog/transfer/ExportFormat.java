package org.hearth.blog.transfer;

import java.io.InputStream;

import javax.xml.stream.XMLStreamException;

import org.hearth.blog.rule.Phrase;

/** The exports Hearth imports, told apart by their root element. */
public enum ExportFormat {
    /** A WordPress export: {@code <rss>} with WordPress's namespace ({@link WxrReader}). */
    WORDPRESS,
    /** A Disqus export: {@code <disqus xmlns="http://disqus.com">} ({@link DisqusReader}). */
    DISQUS;

    /**
     * The format of the export {@code in} begins with (only its first element is read).
     *
     * @throws TransferException when it is neither, or declares a DTD, or is not XML
     */
    public static ExportFormat of(InputStream in) {
        try {
            var xml = WxrReader.factory().createXMLStreamReader(in);
            var text = new XmlText(xml);
            try {
                if (text.nextStart()) {
                    // WxrReader says what it expected when this is not a WordPress export
                    return xml.getLocalName().equals("disqus") ? DISQUS : WORDPRESS;
                }
            } finally {
                text.close();
            }
        } catch (XMLStreamException e) {
            throw XmlText.malformed(e);
        }
        throw new TransferException(Phrase.EXPORT_EMPTY);
    }
}

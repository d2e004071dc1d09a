package org.hearth.web.feed;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.post.PostService;
import org.hearth.web.cache.PageVersions;
import org.hearth.web.cache.Validators;

/**
 * {@code /sitemap.xml} (sitemaps.org 0.9): the home, About and archive pages, every post readers see, every tag page
 * and every month of the archive, each with its {@code lastmod}. Drafts and future posts never appear. Answers
 * conditional GETs.
 */
@WebServlet(name = "Sitemap", urlPatterns = "/sitemap.xml")
public class SitemapServlet extends HttpServlet {

    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static final long serialVersionUID = 1L;

    @Inject
    private transient PostService posts;

    @Inject
    private transient PageVersions versions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var stamp = posts.visibleStamp();
        response.setHeader("Cache-Control", "public, max-age=300");
        var version = versions.of("/sitemap.xml", "sitemap-" + stamp.posts() + "-" + stamp.lastChange().toEpochMilli(), stamp.lastChange());
        if (Validators.answeredNotModified(request, response, version)) {
            return;
        }
        var site = SiteAddress.of(request);
        var postStamps = posts.visiblePostStamps();
        Map<YearMonth, Instant> months = new TreeMap<>();
        postStamps.forEach(post -> months.merge(YearMonth.from(post.publishedAt().atOffset(ZoneOffset.UTC)), post.updatedAt(),
                (a, b) -> a.isAfter(b) ? a : b));

        response.setContentType("application/xml;charset=UTF-8");
        try {
            var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(response.getWriter());
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(NAMESPACE);
            url(xml, site + "/", stamp.lastChange());
            url(xml, site + "/archive", stamp.lastChange());
            url(xml, site + "/about", null);
            for (var post : postStamps) {
                url(xml, site + "/posts/" + post.slug(), post.updatedAt());
            }
            for (var tag : posts.visibleTagStamps()) {
                url(xml, site + "/tags/" + tag.tag(), tag.lastUpdate());
            }
            for (var month : months.entrySet()) {
                url(xml, "%s/archive/%04d/%02d".formatted(site, month.getKey().getYear(), month.getKey().getMonthValue()), month.getValue());
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("The sitemap could not be written", e);
        }
    }

    private static void url(XMLStreamWriter xml, String location, Instant lastModified) throws XMLStreamException {
        xml.writeStartElement("url");
        xml.writeStartElement("loc");
        xml.writeCharacters(location);
        xml.writeEndElement();
        if (lastModified != null) {
            xml.writeStartElement("lastmod");
            xml.writeCharacters(DateTimeFormatter.ISO_INSTANT.format(lastModified.truncatedTo(ChronoUnit.SECONDS)));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
}

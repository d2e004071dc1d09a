package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.hearth.web.demo.DemoContent;
import org.xml.sax.InputSource;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import nu.validator.client.EmbeddedValidator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a reader finds on the demo site over HTTP: pagination, tags, archives, authors, the About page, the 301 of an
 * old slug, search, feeds, sitemap and robots.txt, conditional GETs, error pages, valid HTML on every reader page (the
 * Nu HTML Checker, run in this JVM), and that the demo's draft ("Coming soon: reactions") and scheduled post ("Our roadmap for next year") appear nowhere.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReaderSiteIT {

    static final String DRAFT_TITLE = "Coming soon: reactions";
    static final String SCHEDULED_TITLE = "Our roadmap for next year";
    static final String DRAFT_SLUG = "coming-soon-reactions";
    static final String SCHEDULED_SLUG = "our-roadmap-for-next-year";

    @ArquillianResource
    private URL base;

    private SiteClient site;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWar("reader-site-it", BrokenServlet.class, PageTouchServlet.class);
    }

    @BeforeEach
    void connect() {
        site = new SiteClient(base);
    }

    private static List<String> titles(Document page) {
        return page.select("main article.post-summary h2 a").eachText();
    }

    private static void assertNoHiddenPosts(String where, String text) {
        assertFalse(text.contains(DRAFT_TITLE) || text.contains(DRAFT_SLUG), "a draft shows on " + where);
        assertFalse(text.contains(SCHEDULED_TITLE) || text.contains(SCHEDULED_SLUG), "a future post shows on " + where);
    }

    @Test
    void homePageIsPaginatedWithRelNextAndPrev() {
        var first = site.page("");
        assertEquals(10, titles(first).size(), "ten posts on a page by default");
        // Other test classes may publish posts of their own "now": the star is the newest of the demo posts.
        var firstTitles = titles(first);
        assertTrue(firstTitles.indexOf(DemoContent.STAR_POST_TITLE) >= 0, firstTitles.toString());
        assertTrue(firstTitles.indexOf(DemoContent.STAR_POST_TITLE) < firstTitles.indexOf("Share counts you can trust"), firstTitles.toString());
        assertNull(first.selectFirst("link[rel=prev]"));
        var next = first.selectFirst("nav.pagination a[rel=next]");
        assertNotNull(next, "a link to the older posts");
        assertTrue(next.attr("href").endsWith("?page=2"), next.attr("href"));
        assertEquals(next.attr("href"), first.selectFirst("head link[rel=next]").attr("href"));

        var second = site.page("?page=2");
        var prev = second.selectFirst("nav.pagination a[rel=prev]");
        assertNotNull(prev, "a link back to the newer posts");
        assertFalse(prev.attr("href").contains("page="), "page 1 is the plain home address: " + prev.attr("href"));
        var all = new ArrayList<>(titles(first));
        all.addAll(titles(second));
        assertTrue(all.containsAll(List.of("Hello, Hearth", "Share counts you can trust", "Writing for the quiet readers")), all.toString());
        var links = new ArrayList<>(first.select("main article.post-summary h2 a").eachAttr("href"));
        links.addAll(second.select("main article.post-summary h2 a").eachAttr("href"));
        assertEquals(links.size(), links.stream().distinct().count(), "no post on two pages (posts may share a title)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?page=0", "?page=-1", "?page=abc", "?page=99999", "?page=1%27%22%3E"})
    void malformedOrTooLatePageIsA404(String query) {
        assertEquals(404, site.get(query).statusCode());
    }

    @Test
    void postSummaryShowsTitleDateAuthorExcerptAndTagLinks() {
        var star = site.page("").select("article.post-summary").stream()
                .filter(summary -> summary.selectFirst("h2").text().equals(DemoContent.STAR_POST_TITLE)).findFirst().orElseThrow();
        assertNotNull(star.selectFirst("time[datetime]"));
        assertTrue(star.selectFirst("a.author").attr("href").endsWith("/authors/rosa-lindqvist"));
        assertFalse(star.selectFirst(".excerpt").text().isBlank());
        assertEquals(List.of("community", "community-management"), star.select(".tag-list a").eachText());
        assertTrue(star.selectFirst(".tag-list a").attr("href").endsWith("/tags/community"));
    }

    @Test
    void tagPageListsThePostsUnderTheTagNewestFirst() {
        var page = site.page("tags/moderation");
        assertTrue(page.selectFirst("main h1").text().contains("moderation"));
        var titles = titles(page);
        assertTrue(titles.indexOf("Moderation notes are a shared memory") < titles.indexOf("Saying thank you is a moderation tool"), titles.toString());
        assertTrue(titles.containsAll(List.of("Why Hearth answers before it moderates", "Saying thank you is a moderation tool")));
        page.select("main article.post-summary").forEach(article ->
                assertTrue(article.select(".tag-list a").eachText().contains("moderation"), article.text()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tags/no-such-tag", "tags/", "tags/Moderation", "tags/a/b", "authors/nobody", "archive/2026/13",
            "archive/1999/01", "archive/26/1", "archive/"})
    void unknownListingsAre404(String path) {
        var response = site.get(path);
        assertEquals(404, response.statusCode(), path);
        assertFalse(response.body().contains("Exception"));
    }

    @Test
    void archiveIndexCountsMatchTheMonthPages() {
        var archive = site.page("archive");
        var months = archive.select("ul.months li");
        assertFalse(months.isEmpty());
        long total = 0;
        for (Element month : months) {
            var link = month.selectFirst("a");
            var monthPage = site.page(link.attr("href").substring(link.attr("href").indexOf("archive/")));
            var count = month.selectFirst(".count").text();
            assertEquals(count, monthPage.selectFirst(".listing-count").ownText().strip(), link.text());
            assertTrue(monthPage.selectFirst("main h1").text().contains(link.text()), monthPage.selectFirst("main h1").text());
            total += titles(monthPage).size();
        }
        assertTrue(total >= 12, "every demo post is in a month: " + total);
        var tags = archive.select("ul.tags li").eachText();
        assertTrue(tags.contains("announcements One post"), "the scheduled post is not counted: " + tags);
    }

    @Test
    void authorPageShowsBioAndOnlyTheirPosts() {
        var page = site.page("authors/samuel-adeyemi");
        assertEquals("Samuel Adeyemi", page.selectFirst("main h1").text());
        assertTrue(page.selectFirst(".bio").text().contains("comment widget"));
        var authors = page.select("article.post-summary a.author").eachText();
        assertFalse(authors.isEmpty());
        authors.forEach(name -> assertEquals("Samuel Adeyemi", name));
        assertNoHiddenPosts("an author page", page.html());
    }

    @Test
    void aboutPageIntroducesTheAuthors() {
        var page = site.page("about");
        assertEquals("About Hearth", page.selectFirst("main h1").text());
        assertTrue(page.select(".author-list h3 a").eachText().containsAll(List.of("Rosa Lindqvist", "Samuel Adeyemi")));
    }

    @Test
    void draftsAndFuturePostsAreHiddenFromPagesAndCounts() {
        for (var path : List.of("", "?page=2", "archive", "tags/comments", "tags/announcements", "authors/rosa-lindqvist")) {
            assertNoHiddenPosts(path.isEmpty() ? "the home page" : path, site.page(path).html());
        }
        assertEquals(404, site.get("posts/" + DRAFT_SLUG).statusCode());
        assertEquals(404, site.get("posts/" + SCHEDULED_SLUG).statusCode());
    }

    @Test
    void oldSlugAnswers301ToTheCurrentPermalink() {
        var response = site.get("posts/honest-share-counts");
        assertEquals(301, response.statusCode());
        var location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/reader-site-it/posts/share-counts-you-can-trust"), location);
        assertEquals("Share counts you can trust", site.page("posts/share-counts-you-can-trust").selectFirst("main h1").text());
    }

    private Document search(String query) {
        return site.page("search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    @Test
    void searchRanksTitleMatchesFirstThenNewestAndMarksTheWords() {
        var page = search("Moderation");
        var titles = titles(page);
        assertTrue(titles.size() > 2, titles.toString());
        assertEquals(List.of("Moderation notes are a shared memory", "Saying thank you is a moderation tool"), titles.subList(0, 2),
                "title matches first, newest first");
        assertTrue(titles.stream().skip(2).noneMatch(title -> title.toLowerCase().contains("moderation")), titles.toString());
        var marks = page.select("main mark").eachText();
        assertFalse(marks.isEmpty());
        marks.forEach(mark -> assertEquals("moderation", mark.toLowerCase()));
        assertTrue(page.selectFirst(".search-status").text().contains("“Moderation”"));
        assertEquals("Moderation", page.selectFirst("#search-q").val());
    }

    @Test
    void everyWordMustMatch() {
        var titles = titles(search("thank moderation"));
        assertEquals(List.of("Saying thank you is a moderation tool"), titles);
    }

    @Test
    void nothingFoundIsSaidClearly() {
        var page = search("xylophone zebra");
        assertTrue(titles(page).isEmpty());
        assertEquals("Nothing matches “xylophone zebra”. Try fewer words, or other ones.", page.selectFirst(".search-status").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "%", "_", "\\", "' OR 1=1 --", "\"\"><img src=x onerror=alert(1)>",
            "%%%%", "😀 ünïcödé", "zz\u0000zz", "   ", ""})
    void hostileQueriesNeverErrorAndAreEchoedEscaped(String query) {
        var response = site.get("search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), query);
        assertFalse(response.body().contains("<script>alert"), "the query is escaped");
        assertFalse(response.body().contains("<img src=x"), "the query is escaped");
        var page = org.jsoup.Jsoup.parse(response.body());
        assertTrue(titles(page).isEmpty(), "wildcards match literally: " + titles(page));
    }

    @Test
    void veryLongQueryIsCutNotRefused() {
        var response = site.get("search?q=" + "community+".repeat(300));
        assertEquals(200, response.statusCode());
        assertTrue(org.jsoup.Jsoup.parse(response.body()).selectFirst("#search-q").val().length() <= 200);
    }

    @Test
    void searchNeverFindsDraftsOrFuturePosts() {
        for (var query : List.of("reactions", "roadmap", "coming soon", "next year")) {
            assertNoHiddenPosts("the search for " + query, search(query).select("main").html());
        }
    }

    private SyndFeed feed(String path) throws Exception {
        var response = site.get(path);
        assertEquals(200, response.statusCode(), path);
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    @Test
    void atomAndRssFeedsListTheNewestPostsWithPermalinks() throws Exception {
        for (var format : List.of("atom", "rss")) {
            var feed = feed("feeds/posts." + format);
            assertEquals(format.equals("atom") ? "atom_1.0" : "rss_2.0", feed.getFeedType());
            assertEquals("Hearth", feed.getTitle());
            // Other test classes may publish posts "now": the star is the newest demo post.
            var first = feed.getEntries().stream().filter(entry -> entry.getTitle().equals(DemoContent.STAR_POST_TITLE)).findFirst().orElseThrow();
            assertTrue(first.getLink().endsWith("/reader-site-it/posts/being-a-star-in-our-communities"), first.getLink());
            var titles = feed.getEntries().stream().map(SyndEntry::getTitle).toList();
            assertTrue(titles.containsAll(List.of("Hello, Hearth", "Share counts you can trust")), titles.toString());
            assertTrue(titles.size() <= 20);
            assertNoHiddenPosts("the " + format + " feed", String.join("|", titles));
        }
    }

    @Test
    void tagFeedsHoldOnlyThePostsUnderTheTag() throws Exception {
        for (var format : List.of("atom", "rss")) {
            var feed = feed("feeds/tags/moderation." + format);
            assertTrue(feed.getEntries().size() >= 3);
            for (var entry : feed.getEntries()) {
                assertTrue(entry.getCategories().stream().map(SyndCategory::getName).toList().contains("moderation"), entry.getTitle());
            }
        }
        assertEquals(404, site.get("feeds/tags/no-such-tag.atom").statusCode());
        assertEquals(404, site.get("feeds/posts.json").statusCode());
    }

    @Test
    void pagesAnnounceTheirFeeds() {
        var home = site.page("");
        assertTrue(home.selectFirst("head link[rel=alternate][type=application/atom+xml]").attr("href").endsWith("/feeds/posts.atom"));
        assertTrue(home.selectFirst("head link[rel=alternate][type=application/rss+xml]").attr("href").endsWith("/feeds/posts.rss"));
        var tag = site.page("tags/community");
        assertNotNull(tag.selectFirst("head link[rel=alternate][href$=/feeds/tags/community.atom]"));
        assertEquals(200, site.get("feeds/tags/community.rss").statusCode());
    }

    @Test
    void sitemapIsValidXmlListingOnlyPublishedAddresses() throws Exception {
        var response = site.get("sitemap.xml");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var xml = factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", xml.getDocumentElement().getNamespaceURI());
        assertEquals("urlset", xml.getDocumentElement().getLocalName());
        var locations = new ArrayList<String>();
        var urls = xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        for (int i = 0; i < urls.getLength(); i++) {
            locations.add(urls.item(i).getTextContent());
        }
        assertEquals(xml.getElementsByTagNameNS("*", "url").getLength(),
                xml.getElementsByTagNameNS("*", "lastmod").getLength() + 1, "every address but About has a lastmod");
        var prefix = site.resolve("").toString();
        assertTrue(locations.contains(prefix + "posts/being-a-star-in-our-communities"));
        assertTrue(locations.contains(prefix + "tags/moderation"));
        assertTrue(locations.stream().anyMatch(location -> location.matches(".*/archive/\\d{4}/\\d{2}")));
        assertNoHiddenPosts("the sitemap", response.body());
        for (var location : locations) {
            assertTrue(location.startsWith(prefix), location);
            assertEquals(200, site.get(location.substring(prefix.length())).statusCode(), location);
        }
    }

    @Test
    void robotsTxtPointsToTheSitemap() {
        var response = site.get("robots.txt");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("Sitemap: " + site.resolve("sitemap.xml")), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"feeds/posts.atom", "feeds/tags/community.rss", "sitemap.xml"})
    void conditionalGetOfFeedsAndSitemapAnswers304(String path) {
        var first = site.get(path);
        var etag = first.headers().firstValue("ETag").orElseThrow();
        var lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        var again = site.get(path, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertTrue(again.body().isEmpty());
        assertEquals(304, site.get(path, "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, site.get(path, "If-None-Match", "W/\"something-else\"").statusCode());
    }

    @Test
    void failureShowsTheSiteErrorPageWithAnIncidentIdAndNoDetails() {
        var response = site.get("test/broken");
        assertEquals(500, response.statusCode());
        var page = org.jsoup.Jsoup.parse(response.body());
        assertEquals("Something went wrong", page.selectFirst("main h1").text());
        assertTrue(page.selectFirst(".incident").text().matches(".*\\b[0-9a-f]{12}\\b.*"), page.selectFirst(".incident").text());
        assertNotNull(page.selectFirst("link[rel=stylesheet]"), "in the site's look");
        assertFalse(response.body().contains("IllegalStateException") || response.body().contains("on purpose"), "no failure details");
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "posts/no-such-post", "test/broken", "feeds/posts.atom"})
    void noServerBannerInAnyResponse(String path) {
        var headers = site.get(path).headers();
        assertTrue(headers.firstValue("Server").isEmpty(), "Server: " + headers.firstValue("Server"));
        assertTrue(headers.firstValue("X-Powered-By").isEmpty(), "X-Powered-By: " + headers.firstValue("X-Powered-By"));
    }

    @Test
    void postPageAnswersConditionalGetsAndChangesItsTagWhenThePageChanges() {
        var path = "posts/being-a-star-in-our-communities";
        var first = site.get(path);
        assertEquals(200, first.statusCode());
        var etag = first.headers().firstValue("ETag").orElseThrow();
        var lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, site.get(path, "If-None-Match", etag).statusCode());
        assertEquals(304, site.get(path, "If-Modified-Since", lastModified).statusCode());

        assertEquals(204, site.post("test/touch?path=/posts/being-a-star-in-our-communities").statusCode());

        var changed = site.get(path, "If-None-Match", etag);
        assertEquals(200, changed.statusCode(), "an approved comment (a page change) gives the page a new tag");
        assertFalse(etag.equals(changed.headers().firstValue("ETag").orElseThrow()));
        assertEquals(304, site.get(path, "If-None-Match", changed.headers().firstValue("ETag").orElseThrow()).statusCode());
    }

    @Test
    void anonymousPagesMayBeCachedBrieflyBySharedCaches() {
        for (var path : List.of("", "posts/being-a-star-in-our-communities", "tags/community", "archive")) {
            var cacheControl = site.get(path).headers().firstValue("Cache-Control").orElse("");
            assertTrue(cacheControl.contains("public") && cacheControl.contains("s-maxage=60"), path + ": " + cacheControl);
        }
    }

    /** Every kind of reader page, and every post of the demo site. */
    private List<String> readerPages() {
        var pages = new LinkedHashSet<>(List.of("", "?page=2", "archive", "about", "tags/community", "authors/rosa-lindqvist",
                "search", "search?q=community", "search?q=%3Cnothing%3E", "posts/no-such-post"));
        var archive = site.page("archive");
        archive.select("ul.months a").forEach(link -> pages.add(link.attr("href").substring(link.attr("href").indexOf("archive/"))));
        for (var listing : List.of("", "?page=2")) {
            site.page(listing).select("article.post-summary h2 a")
                    .forEach(link -> pages.add(link.attr("href").substring(link.attr("href").indexOf("posts/"))));
        }
        return List.copyOf(pages);
    }

    @Test
    void everyReaderPagePassesTheNuHtmlChecker() throws Exception {
        var validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        var failures = new ArrayList<String>();
        var pages = readerPages();
        for (var path : pages) {
            var body = site.get(path).body();
            var report = validator.validate(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            report.lines().filter(line -> line.contains(": error:") || line.contains(": fatal"))
                    .forEach(line -> failures.add("/" + path + " " + line));
        }
        assertTrue(pages.size() > 20, "the demo site's pages: " + pages);
        assertEquals(List.of(), failures);
    }
}

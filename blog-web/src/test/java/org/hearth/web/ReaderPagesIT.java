package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.hearth.web.demo.DemoContent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader pages over HTTP, as a browser without JavaScript sees them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReaderPagesIT {

    private static final String STAR_SLUG = "being-a-star-in-our-communities";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWar("reader-pages-it");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Document page(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    @Test
    void homePageLinksToTheStarPostByItsTitle() throws Exception {
        var response = get("");
        assertEquals(200, response.statusCode());
        var link = page(response).selectFirst("main article h2 a:containsOwn(" + DemoContent.STAR_POST_TITLE + ")");
        assertNotNull(link, "the home page links to the post by its title");
        assertTrue(link.attr("href").endsWith("/posts/" + STAR_SLUG), link.attr("href"));
    }

    @Test
    void homePageListsPostsNewestFirstWithRelativeDateAuthorAndExcerpt() throws Exception {
        var doc = page(get(""));
        var articles = doc.select("main article.post-summary");
        assertEquals(10, articles.size());
        assertEquals(DemoContent.STAR_POST_TITLE, articles.first().selectFirst("h2").text());
        var time = articles.first().selectFirst("time[datetime]");
        assertNotNull(time);
        assertTrue(time.attr("datetime").matches("\\d{4}-\\d{2}-\\d{2}T.*Z"), time.attr("datetime"));
        assertTrue(time.attr("title").matches("\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC"), "the full date: " + time.attr("title"));
        var recent = doc.select("main article.post-summary time").stream().map(t -> t.text()).filter(t -> t.endsWith(" ago")).toList();
        assertTrue(!recent.isEmpty(), "recent posts say how long ago, like comments");
        assertEquals("Rosa Lindqvist", articles.first().selectFirst(".author").text());
        assertTrue(articles.first().selectFirst(".excerpt").text().startsWith("Every community has a few people"));
    }

    @Test
    void postPageShowsTitleAuthorDateAndBody() throws Exception {
        var response = get("posts/" + STAR_SLUG);
        assertEquals(200, response.statusCode());
        var doc = page(response);
        assertEquals(DemoContent.STAR_POST_TITLE, doc.selectFirst("main h1").text());
        assertEquals(DemoContent.STAR_POST_TITLE + " · Hearth", doc.title());
        assertTrue(doc.selectFirst("article .byline").text().contains("Rosa Lindqvist"));
        assertNotNull(doc.selectFirst("article time[datetime]"));
        assertNotNull(doc.selectFirst(".post-body h2:containsOwn(Being seen is the first gift)"), "Markdown headings are rendered");
        assertEquals("en", doc.selectFirst("html").attr("lang"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"posts/no-such-post", "posts/" + STAR_SLUG + "/extra", "posts/", "no-such-page", "posts/%3Cscript%3E"})
    void unknownAddressesAnswerAFriendly404WithoutStackTrace(String path) throws Exception {
        var response = get(path);
        assertEquals(404, response.statusCode());
        var doc = page(response);
        assertEquals("Page not found", doc.selectFirst("main h1").text());
        assertFalse(response.body().contains("Exception"), "no stack trace reaches a reader");
        assertFalse(response.body().contains("<script>"), "the address is never echoed unescaped");
    }

    @Test
    void readerPagesNeedNoSession() throws Exception {
        var response = get("posts/" + STAR_SLUG);
        assertTrue(response.headers().allValues("set-cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                "no session cookie: " + response.headers().allValues("set-cookie"));
    }

    @Test
    void healthSaysUpInJsonForLoadBalancers() throws Exception {
        var response = get("health");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertEquals("{\"status\":\"UP\",\"database\":\"UP\",\"schema\":\"READY\",\"writes\":\"OK\"}", response.body());
    }

    @Test
    void stylesheetIsServed() throws Exception {
        var href = page(get("")).selectFirst("link[rel=stylesheet]").attr("href");
        var css = http.send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(href)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, css.statusCode());
        assertTrue(css.body().contains("--hearth-accent"));
    }
}

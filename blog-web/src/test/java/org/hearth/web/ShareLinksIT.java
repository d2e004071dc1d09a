package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.json.Json;

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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Share links with first-party counts, and the link previews of the demo post. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShareLinksIT {

    private static final String STAR_PATH = DemoSite.STAR_PATH;
    private static final Pattern COUNTS = Pattern.compile("\"total\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWar("share-links-it");
    }

    private HttpResponse<String> get(String path, String client) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path)).header("User-Agent", client).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Document starPost() throws IOException, InterruptedException {
        var response = get(STAR_PATH, "jsoup");
        assertEquals(200, response.statusCode());
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private String starThread() throws IOException, InterruptedException {
        return starPost().selectFirst("nav.hc-share").attr("data-hc-share");
    }

    private long total(String thread) throws IOException, InterruptedException {
        var matcher = COUNTS.matcher(get("share/counts?thread=" + thread, "counter").body());
        assertTrue(matcher.find());
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void shareLinkCountsOnceADayPerClientAndRedirectsToTheNetworkIntentForTheCanonicalUrl() throws Exception {
        var thread = starThread();
        var canonical = starPost().selectFirst("link[rel=canonical]").attr("href");
        var before = total(thread);
        var client = "reader-" + UUID.randomUUID();

        var first = get("share/linkedin?thread=" + thread, client);
        assertEquals(302, first.statusCode());
        var location = URI.create(first.headers().firstValue("Location").orElseThrow());
        assertEquals("www.linkedin.com", location.getHost());
        assertEquals("url=" + canonical, location.getQuery());
        assertEquals(before + 1, total(thread));

        assertEquals(302, get("share/linkedin?thread=" + thread, client).statusCode(), "a reload still shares");
        assertEquals(before + 1, total(thread), "but is not counted again the same day");

        get("share/linkedin?thread=" + thread, "another-" + UUID.randomUUID());
        assertEquals(before + 2, total(thread), "another reader counts");
    }

    /** The shares counted for one network of a thread, as {@code /share/counts} tells. */
    private int shares(String thread, String network) throws IOException, InterruptedException {
        var counts = get("share/counts?thread=" + thread, "counter");
        assertEquals(200, counts.statusCode());
        try (var reader = Json.createReader(new StringReader(counts.body()))) {
            return reader.readObject().getJsonObject("networks").getInt(network);
        }
    }

    @ParameterizedTest
    @CsvSource({"x, x.com", "facebook, www.facebook.com", "linkedin, www.linkedin.com", "bluesky, bsky.app"})
    void eachNetworksLinkRedirectsToItsHttpsIntentForTheCanonicalUrlAndCountsOneShare(String network, String host) throws Exception {
        var thread = starThread();
        var canonical = starPost().selectFirst("link[rel=canonical]").attr("href");
        var before = shares(thread, network);

        var response = get("share/" + network + "?thread=" + thread, "reader-" + UUID.randomUUID());
        assertEquals(302, response.statusCode());
        var location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertEquals("https", location.getScheme());
        assertEquals(host, location.getHost());
        assertTrue(location.getQuery().contains(canonical), location.toString());
        assertEquals(before + 1, shares(thread, network));
    }

    @Test
    void theEmailLinkOpensAMailWithTheShareTextAndTheUrlAndCountsOneShare() throws Exception {
        var thread = starThread();
        var canonical = starPost().selectFirst("link[rel=canonical]").attr("href");
        var before = shares(thread, "email");

        var response = get("share/email?thread=" + thread, "mailer-" + UUID.randomUUID());
        assertEquals(302, response.statusCode());
        var location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("mailto:?subject="), "a mail to be addressed by the reader, not a page of this site: " + location);
        var mail = URI.create(location);
        assertEquals("mailto", mail.getScheme());
        assertNull(mail.getHost());
        var fields = new HashMap<String, String>();
        for (var field : location.substring(location.indexOf('?') + 1).split("&")) {
            var pair = field.split("=", 2);
            fields.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
        }
        assertEquals(Set.of("subject", "body"), fields.keySet());
        assertEquals("Being A Star In Our Communities · Hearth", fields.get("subject"));
        assertEquals("Being A Star In Our Communities · Hearth\n\n" + canonical, fields.get("body"));
        assertEquals(before + 1, shares(thread, "email"));
    }

    @Test
    void postPageAnswers304UntilAShareChangesIt() throws Exception {
        var first = get(STAR_PATH, "validator");
        var etag = first.headers().firstValue("ETag").orElseThrow();
        var again = http.send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(STAR_PATH))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());

        get("share/facebook?thread=" + starThread(), "etag-reader-" + UUID.randomUUID());
        var afterShare = http.send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(STAR_PATH))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, afterShare.statusCode(), "a counted share changes the page");
    }

    @Test
    void theShareBarOfARenderedPageShowsAShareCountedSinceItsLastRendering() throws Exception {
        var bar = starPost().selectFirst("nav.hc-share");
        var before = Long.parseLong(bar.selectFirst("a[data-hc-network=x] .hc-share-count").text());
        var total = Long.parseLong(bar.selectFirst(".hc-share-total").text().replaceAll("\\D", ""));

        get("share/x?thread=" + bar.attr("data-hc-share"), "kept-bar-reader-" + UUID.randomUUID());
        var after = starPost().selectFirst("nav.hc-share");
        assertEquals(before + 1, Long.parseLong(after.selectFirst("a[data-hc-network=x] .hc-share-count").text()));
        assertEquals(total + 1, Long.parseLong(after.selectFirst(".hc-share-total").text().replaceAll("\\D", "")));
    }

    @Test
    void apiCountsCarrySharesBesideCommentsWhenAsked() throws Exception {
        var thread = starThread();
        get("share/x?thread=" + thread, "api-reader-" + UUID.randomUUID());
        var plain = get("api/counts?thread=" + thread, "api").body();
        assertTrue(plain.matches("\\{\"" + thread + "\":\\d+}"), plain);
        var withShares = get("api/counts?thread=" + thread + "&shares=true", "api").body();
        assertTrue(withShares.matches(".*\"comments\":\\d+.*"), withShares);
        assertTrue(withShares.matches(".*\"shares\":[1-9]\\d*.*"), withShares);
        assertTrue(withShares.matches(".*\"x\":[1-9]\\d*.*"), withShares);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "share/x?thread=post-0",
            "share/x?thread=https://evil.example",
            "share/x?thread=//evil.example",
            "share/https:%2F%2Fevil.example?thread=post-1",
            "share/%2F%2Fevil.example?thread=post-1",
            "share/x/..%2F..%2Fevil?thread=post-1",
            "share/evil?thread=post-1",
            "share/x",
            "share/",
            "share/x?thread=post-1&thread=post-2"})
    void unknownNetworkOrThreadIsA404AndNeverARedirect(String path) throws Exception {
        var response = get(path, "prober");
        assertEquals(404, response.statusCode(), path);
        assertTrue(response.headers().firstValue("Location").isEmpty());
    }

    @Test
    void extraParametersNeverChangeTheRedirectTarget() throws Exception {
        var thread = starThread();
        var plain = URI.create(get("share/x?thread=" + thread, "prober").headers().firstValue("Location").orElseThrow());
        assertTrue(plain.getRawQuery().startsWith("text=Being%20A%20Star%20In%20Our%20Communities%20%C2%B7%20Hearth&url="),
                "the post page's chosen share text, stored with the thread: " + plain);
        for (var extra : new String[] {"&url=https://evil.example", "&u=//evil.example", "&redirect=https%3A%2F%2Fevil.example",
                "&instance=evil.example", "&next=%2F%2Fevil.example"}) {
            var response = get("share/x?thread=" + thread + extra, "prober");
            assertEquals(302, response.statusCode());
            var location = URI.create(response.headers().firstValue("Location").orElseThrow());
            assertEquals("x.com", location.getHost(), extra);
            assertTrue(!location.toString().contains("evil"), location.toString());
        }
    }

    @Test
    void mastodonAsksForTheServerAndLinksToItWithoutRedirecting() throws Exception {
        var thread = starThread();
        var before = shares(thread, "mastodon");
        var reader = "toot-" + UUID.randomUUID();
        var ask = get("share/mastodon?thread=" + thread, reader);
        assertEquals(200, ask.statusCode());
        assertNotNull(Jsoup.parse(ask.body()).selectFirst("label[for=hc-instance]"));

        var refused = get("share/mastodon?thread=" + thread + "&instance=https%3A%2F%2Fevil.example%2Fx", reader);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("not a Mastodon server name"));
        assertEquals(before, shares(thread, "mastodon"), "asking for the server, or a wrong one, shares nothing yet");

        var proceed = get("share/mastodon?thread=" + thread + "&instance=Mastodon.Social", reader);
        assertEquals(200, proceed.statusCode());
        assertTrue(proceed.headers().firstValue("Location").isEmpty());
        var link = Jsoup.parse(proceed.body()).selectFirst("a.hc-continue").attr("href");
        assertTrue(link.startsWith("https://mastodon.social/share?text=Being%20A%20Star%20In%20Our%20Communities%20%C2%B7%20Hearth%20http"), link);
        var intent = URI.create(link);
        assertEquals("https", intent.getScheme());
        assertEquals("mastodon.social", intent.getHost());
        assertEquals(before + 1, shares(thread, "mastodon"));
    }

    @Test
    void demoPostCarriesLinkPreviewMetadata() throws Exception {
        var doc = starPost();
        var canonical = doc.selectFirst("link[rel=canonical]").attr("href");
        assertTrue(canonical.endsWith("/" + STAR_PATH), canonical);
        assertEquals(DemoContent.STAR_POST_TITLE, meta(doc, "og:title"));
        assertEquals("article", meta(doc, "og:type"));
        assertEquals(canonical, meta(doc, "og:url"));
        assertEquals("Hearth", meta(doc, "og:site_name"));
        assertTrue(meta(doc, "og:description").startsWith("Every community has a few people"));
        assertTrue(meta(doc, "og:image").endsWith("/static/og-default.jpg"));
        assertTrue(meta(doc, "article:published_time").matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));
        assertTrue(meta(doc, "article:author").endsWith("/authors/rosa-lindqvist"));
        assertEquals("summary_large_image", doc.selectFirst("meta[name=twitter:card]").attr("content"));
        var jsonLd = doc.selectFirst("script[type=application/ld+json]").data();
        assertTrue(jsonLd.contains("\"@type\":\"BlogPosting\""), jsonLd);
        assertTrue(jsonLd.contains("\"headline\":\"" + DemoContent.STAR_POST_TITLE + "\""), jsonLd);

        var image = http.send(HttpRequest.newBuilder(URI.create(meta(doc, "og:image"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        assertEquals("image/jpeg", image.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void homePageCarriesWebSiteMetadataAndNoShareBarWhileThePostPageKeepsIt() throws Exception {
        var response = get("", "jsoup");
        var doc = Jsoup.parse(response.body(), response.uri().toString());
        assertTrue(doc.selectFirst("script[type=application/ld+json]").data().contains("\"@type\":\"WebSite\""));
        assertTrue(doc.select("article.post-summary").size() > 1);
        assertEquals(List.of(), doc.select("nav.hc-share, .hc-share-count").eachText(), "no share bar under the excerpts");
        var linkedin = starPost().selectFirst("nav.hc-share a[data-hc-network=linkedin]");
        var heard = linkedin.clone();
        heard.select("[aria-hidden=true]").remove();
        assertTrue(heard.text().matches("LinkedIn, (1 share|\\d+ shares)"), "what a screen reader says: " + heard.text());
    }

    private static String meta(Document doc, String property) {
        var meta = doc.selectFirst("meta[property=" + property + "]");
        assertNotNull(meta, property);
        return meta.attr("content");
    }

    @Test
    void clickingAShareLinkRaisesTheVisibleCountAndThePageAsksNoOtherHost() {
        var browser = Browsers.shared();
        Browsers.requestedUrls(browser); // forget what earlier tests loaded
        browser.get(base.toExternalForm() + STAR_PATH);
        var pageRequests = Browsers.requestedUrls(browser);
        assertTrue(!pageRequests.isEmpty());
        assertTrue(pageRequests.stream().allMatch(url -> url.getHost().equals(base.getHost())),
                "requests to other hosts: " + pageRequests);

        var bluesky = browser.findElement(By.cssSelector("nav.hc-share a[data-hc-network=bluesky] .hc-share-count"));
        long before = Long.parseLong(bluesky.getText());
        var original = browser.getWindowHandle();
        // A keyboard reader: focus the link and press Enter.
        browser.findElement(By.cssSelector("nav.hc-share a[data-hc-network=bluesky]")).sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> Long.parseLong(driver.switchTo().window(original)
                        .findElement(By.cssSelector("nav.hc-share a[data-hc-network=bluesky] .hc-share-count")).getText()) == before + 1);
        assertEquals(String.valueOf(before + 1),
                browser.findElement(By.cssSelector("nav.hc-share a[data-hc-network=bluesky] .hc-share-count")).getText());
        for (var handle : browser.getWindowHandles()) {
            if (!handle.equals(original)) {
                browser.switchTo().window(handle).close();
            }
        }
        browser.switchTo().window(original);
    }
}

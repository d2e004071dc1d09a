package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that names another host ({@code Host: evil.example}) cannot make Hearth store, show or mail links to it: a
 * thread's page must lie on the site's address or an embed origin, and without a configured base URL (as here) a
 * {@code Host} that does not name this machine is not taken for the site's address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostHeaderIT {

    private static final String EVIL = "evil.example";

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWarForCommenting("host-header-it");
    }

    private SiteClient.RawResponse postComment(String host, String thread, String url) {
        var json = Json.createObjectBuilder().add("form", DemoSite.formToken(base)).add("thread", thread).add("name", "Mal")
                .add("body", "Look over here " + UUID.randomUUID());
        if (url != null) {
            json.add("url", url);
        }
        return new SiteClient(base).raw("POST", "api/comments", json.build().toString(), "Host: " + host,
                "Content-Type: application/json");
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private String shareTarget(String thread) {
        var share = new SiteClient(base).get("share/x?thread=" + URLEncoder.encode(thread, StandardCharsets.UTF_8));
        assertEquals(302, share.statusCode(), share.body());
        return share.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void aThreadStartedUnderAForgedHostWithAPageThereIsRefused() {
        var thread = "/it/host/" + UUID.randomUUID();
        var refused = postComment(EVIL, thread, "http://" + EVIL + "/it/host/page");

        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        assertEquals("url", json(refused.body()).getString("field"));
        assertEquals("foreign-url", json(refused.body()).getString("reason"));
        assertEquals(404, new SiteClient(base).get("share/x?thread=" + URLEncoder.encode(thread, StandardCharsets.UTF_8)).statusCode(),
                "no thread was stored");
    }

    @Test
    void aThreadStartedUnderAForgedHostWithoutAPageNeverLeadsThere() {
        var thread = "/it/host/" + UUID.randomUUID();
        var posted = postComment(EVIL + ":" + base.getPort(), thread, null);

        assertEquals(201, posted.status(), posted.body());
        var target = shareTarget(thread);
        assertFalse(target.contains(EVIL), target);
    }

    @Test
    void aPageOnTheSitesOwnAddressIsAccepted() {
        var thread = "/it/host/" + UUID.randomUUID();
        var page = base.toExternalForm() + "it/host/page";
        var posted = postComment(base.getHost() + ":" + base.getPort(), thread, page);

        assertEquals(201, posted.status(), posted.body());
        assertTrue(shareTarget(thread).contains(URLEncoder.encode(page, StandardCharsets.UTF_8)), shareTarget(thread));
    }

    @Test
    void aPostPageAskedForUnderAForgedHostNamesTheSiteAndKeepsItsDiscussionsAddress() {
        var page = new SiteClient(base).raw("GET", DemoSite.STAR_PATH, null, "Host: " + EVIL, "Accept: text/html");

        assertEquals(200, page.status());
        var doc = Jsoup.parse(page.body());
        var canonical = doc.selectFirst("link[rel=canonical]");
        assertNotNull(canonical);
        assertFalse(canonical.attr("href").contains(EVIL), canonical.attr("href"));
        assertFalse(page.body().contains(EVIL), "no link on the page names the forged host");
        var target = shareTarget(DemoSite.starThread(base));
        assertFalse(target.contains(EVIL), target);
    }
}

package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a client can do to make the server render a post page instead of answering from the page cache: adding
 * parameters or a forged own-comments cookie buys nothing, and renders it forces are limited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowPathIT {

    private static final String STAR = DemoSite.STAR_PATH;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWarForCommenting("slow-path-it");
    }

    private SiteClient.RawResponse get(String path, String... headers) {
        var all = new String[headers.length + 1];
        all[0] = "Host: " + base.getHost() + ":" + base.getPort();
        System.arraycopy(headers, 0, all, 1, headers.length);
        return new SiteClient(base).raw("GET", path, null, all);
    }

    private String cache(SiteClient.RawResponse response) {
        assertEquals(200, response.status(), response.body());
        return response.header("X-Hearth-Cache");
    }

    /** Asks for the page until the cache keeps it (a first rendering may change what it shows: its share records). */
    private void kept(String path) {
        for (int i = 0; i < 5 && !"hit".equals(cache(get(path))); i++) {
            // again
        }
        assertEquals("hit", cache(get(path)), "the page is kept");
    }

    @Test
    void unknownParametersAndForgedOrEmptyOwnCommentCookiesGetTheKeptPage() {
        kept(STAR);

        assertEquals("hit", cache(get(STAR + "?x=1&utm_source=" + UUID.randomUUID())));
        assertEquals("hit", cache(get(STAR + "?hc-sort=sideways&hc-page=0")));
        assertEquals("hit", cache(get(STAR, "Cookie: hc_own=1.forged:2.tokens")));
        assertEquals("hit", cache(get(STAR, "Cookie: hc_own=")));
    }

    @Test
    void rendersAClientForcesAreLimitedAndThenAnsweredFromTheCache() {
        kept(STAR);
        int rendered = 0;
        for (int i = 0; i < 45; i++) {
            if (!"hit".equals(cache(get(STAR + "?hc-reply=" + (1_000_000 + i))))) {
                rendered++;
            }
        }
        assertTrue(rendered <= 20, rendered + " renders forced by one client");
        assertTrue(rendered >= 1, "a reader asking for the reply form gets it");
    }

    @Test
    void rendersForUpgradeOffersHaveABudgetPerClient() {
        // "Upgrade: h2c" without HTTP2-Settings: GlassFish answers in HTTP/1.1, and the page sees the offer.
        int refused = 0;
        for (int i = 0; i < 80; i++) {
            var answer = get(STAR, "Connection: Upgrade", "Upgrade: h2c");
            if (answer.status() == 429) {
                refused++;
                assertTrue(answer.header("Retry-After") != null, "429 says when to come back");
            } else {
                assertEquals(200, answer.status(), answer.body());
            }
        }
        assertTrue(refused >= 20, "at most 60 renders in 10 s for one client's upgrade offers, refused " + refused);
    }
}

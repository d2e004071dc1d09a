package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's comment settings page: a change counts at once on two servers sharing the database (two deployments
 * that keep settings as several servers do), bad values are named field by field and change nothing, a save from an
 * outdated page changes nothing, refused embed origins are listed and allowed with one click, and only administrators
 * get there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsIT {

    private static final Map<String, String> COMMENTING = Map.of("hearth.comments.MIN_SECONDS", "0",
            "hearth.comments.RATE_LIMIT", "1000", "hearth.comments.SHARED_DATABASE", "true");

    @Deployment(name = "a", testable = false)
    static WebArchive serverA() {
        return Deployments.withContextParams(Deployments.hearthWar("settings-a", TeamFixture.class), COMMENTING);
    }

    @Deployment(name = "b", testable = false)
    static WebArchive serverB() {
        return Deployments.withContextParams(Deployments.hearthWar("settings-b", TeamFixture.class), COMMENTING);
    }

    @ArquillianResource
    @OperateOnDeployment("a")
    private URL a;

    @ArquillianResource
    @OperateOnDeployment("b")
    private URL b;

    private final HttpClient http = HttpClient.newHttpClient();

    /** An administrator signed in on this server (one per server: making sure of a member ends their sessions). */
    private ConsoleClient admin(URL base) throws Exception {
        var username = base.equals(a) ? "it-settings-a" : "it-settings-b";
        var client = new ConsoleClient(base);
        client.ensureMember(username, "ADMIN");
        assertEquals(302, client.signIn(username, TeamFixture.PASSWORD).statusCode());
        return client;
    }

    /** Saves the settings form of the page as shown, with these fields changed. */
    private static HttpResponse<String> save(ConsoleClient client, Document page, Map<String, String> changed) throws Exception {
        var fields = new HashMap<String, String>();
        page.select("form#settings input[type=text]").forEach(input -> fields.put(input.attr("name"), input.val()));
        fields.put("EMBED_ORIGINS", page.selectFirst("form#settings textarea").text());
        fields.put("MODERATION", page.selectFirst("form#settings input[name=MODERATION][checked]").val());
        fields.put("AVATARS", page.selectFirst("form#settings input[name=AVATARS][checked]").val());
        fields.putAll(changed);
        fields.put("decision", "SAVE:settings");
        return client.submit(page, "settings", fields);
    }

    private static Document settingsPage(ConsoleClient client) throws Exception {
        var response = client.open("console/settings/index.xhtml");
        assertEquals(200, response.statusCode());
        return ConsoleClient.page(response);
    }

    /** The status a new commenter's comment gets on this server. */
    private String statusOfANewCommentOn(URL base) throws Exception {
        var json = Json.createObjectBuilder().add("form", DemoSite.formToken(base)).add("thread", "/it/settings/" + UUID.randomUUID())
                .add("name", "Newcomer").add("email", UUID.randomUUID() + "@example.org").add("body", "First words here").build();
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "api/comments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getString("status");
        }
    }

    @AfterEach
    void restoreTheDefaults() throws Exception {
        var client = admin(a);
        var response = client.submit(settingsPage(client), "settings", Map.of("decision", "RESET:settings"));
        assertEquals(302, response.statusCode(), "the defaults count again for the tests that follow");
    }

    @Test
    void aChangeCountsAtOnceOnEveryServer() throws Exception {
        assertEquals("pending", statusOfANewCommentOn(b), "by default a first-time commenter waits");

        var onA = admin(a);
        var saved = save(onA, settingsPage(onA), Map.of("MODERATION", "none", "PAGE_SIZE", "7"));
        assertEquals(302, saved.statusCode(), saved.body());
        var after = ConsoleClient.page(onA.open(saved.headers().firstValue("Location").orElseThrow()));
        assertTrue(after.select(".console-messages .info").text().contains("Settings saved"), after.text());
        assertEquals("7", after.selectFirst("#PAGE_SIZE").val());

        assertEquals("approved", statusOfANewCommentOn(b), "the other server shows comments at once");
        var onB = admin(b);
        assertEquals("7", settingsPage(onB).selectFirst("#PAGE_SIZE").val());

        assertEquals(302, save(onB, settingsPage(onB), Map.of("MODERATION", "all")).statusCode());
        assertEquals("pending", statusOfANewCommentOn(a), "and the first server sees the change made on the second");
    }

    @Test
    void theSitesLanguageCountsForEveryReaderWhoChoseNone() throws Exception {
        var onA = admin(a);
        var page = settingsPage(onA);
        assertEquals("auto", page.selectFirst("#LANGUAGE option[selected]").val(), "by default each reader's browser decides");
        assertEquals(302, save(onA, page, Map.of("LANGUAGE", "de")).statusCode());

        var home = http.send(HttpRequest.newBuilder(URI.create(b + "")).header("Accept-Language", "fr").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("de", org.jsoup.Jsoup.parse(home.body()).selectFirst("html").attr("lang"), "on every server, whatever the browser prefers");
        var chosen = http.send(HttpRequest.newBuilder(URI.create(b + "")).header("Cookie", "hearth-lang=es").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("es", org.jsoup.Jsoup.parse(chosen.body()).selectFirst("html").attr("lang"), "a reader's own choice still comes first");

        var refused = save(onA, settingsPage(onA), Map.of("LANGUAGE", "tlh"));
        assertEquals(200, refused.statusCode());
        assertNotNull(ConsoleClient.page(refused).selectFirst("#LANGUAGE-error"), "only a language of the site");
    }

    @Test
    void avatarsAreDrawnHereUntilAnAdministratorOptsInToGravatar() throws Exception {
        var thread = "/it/settings/avatars-" + UUID.randomUUID();
        var json = Json.createObjectBuilder().add("form", DemoSite.formToken(a)).add("thread", thread).add("name", "Gia Avatar")
                .add("email", "gia@example.org").add("body", "Picture me").build();
        var posted = http.send(HttpRequest.newBuilder(URI.create(a + "api/comments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, posted.statusCode(), posted.body());
        var stored = Json.createReader(new StringReader(posted.body())).readObject();
        var id = stored.getJsonNumber("id").longValue();
        var own = stored.getString("ownerToken");

        var onA = admin(a);
        var page = settingsPage(onA);
        assertTrue(page.selectFirst("#AVATARS-initials").hasAttr("checked"), "initials by default");
        assertTrue(page.selectFirst("#AVATARS-help").text().contains("hash"), "the page says what Gravatar receives");
        assertNull(avatar(b, thread, id, own).selectFirst("img"), "no other host by default");
        assertEquals(302, save(onA, page, Map.of("AVATARS", "gravatar")).statusCode());
        assertTrue(avatar(b, thread, id, own).selectFirst("img").attr("src").startsWith("https://gravatar.com/avatar/"),
                "the other server follows the choice");
        assertEquals(200, save(onA, settingsPage(onA), Map.of("AVATARS", "https://tracker.example/")).statusCode(),
                "anything else is refused");
    }

    /** The picture of a comment in its discussion as the widget's endpoint renders it for its author. */
    private org.jsoup.nodes.Element avatar(URL base, String thread, long id, String ownToken) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "api/discussion?thread="
                + java.net.URLEncoder.encode(thread, java.nio.charset.StandardCharsets.UTF_8))).header("X-Hearth-Own", ownToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        var avatar = org.jsoup.Jsoup.parse(response.body()).selectFirst("#comment-" + id + " .hc-avatar");
        assertNotNull(avatar, response.body());
        return avatar.parent();
    }

    @Test
    void badValuesAreNamedFieldByFieldAndNothingIsStored() throws Exception {
        var client = admin(a);
        var page = settingsPage(client);
        var shown = page.selectFirst("#PAGE_SIZE").val();
        var refused = save(client, page, Map.of("PAGE_SIZE", "0", "MAX_DEPTH", "deep", "EDIT_MINUTES", "",
                "EMBED_ORIGINS", "https://friend.example\nhttps://ex\u0430mple.org\njavascript:alert(1)", "MODERATION", "sometimes"));

        assertEquals(200, refused.statusCode(), "the form comes back");
        var answer = ConsoleClient.page(refused);
        assertEquals("Comments per page must be a whole number from 1 to 200.", answer.selectFirst("#PAGE_SIZE-error").text());
        assertEquals("Deepest reply level must be a whole number from 1 to 10.", answer.selectFirst("#MAX_DEPTH-error").text());
        assertEquals("Edit window (minutes) needs a value.", answer.selectFirst("#EDIT_MINUTES-error").text());
        assertTrue(answer.selectFirst("#EMBED_ORIGINS-error").text().contains("ex\u0430mple.org"), "the lookalike name is named");
        assertNotNull(answer.selectFirst("#MODERATION-error"));
        assertEquals("true", answer.selectFirst("#PAGE_SIZE").attr("aria-invalid"));
        assertTrue(answer.selectFirst("#PAGE_SIZE").attr("aria-describedby").contains("PAGE_SIZE-error"));
        assertEquals("0", answer.selectFirst("#PAGE_SIZE").val(), "what was typed stays to be corrected");
        assertTrue(answer.select(".console-messages .error").text().contains("5 fields need a change; nothing was saved."));

        assertEquals(shown, settingsPage(client).selectFirst("#PAGE_SIZE").val(), "nothing was stored");
    }

    @Test
    void aSaveFromAnOutdatedPageChangesNothing() throws Exception {
        var first = admin(a);
        var second = admin(b);
        var outdated = settingsPage(second);
        assertEquals(302, save(first, settingsPage(first), Map.of("EDIT_MINUTES", "30")).statusCode());

        var late = save(second, outdated, Map.of("EDIT_MINUTES", "5"));
        assertEquals(200, late.statusCode());
        var answer = ConsoleClient.page(late);
        assertTrue(answer.select(".console-messages .error").text().contains("Another administrator changed the settings"));
        assertEquals("30", answer.selectFirst("#EDIT_MINUTES").val(), "the page shows the other administrator's values");
        assertEquals("30", settingsPage(first).selectFirst("#EDIT_MINUTES").val());
    }

    @Test
    void aRefusedEmbedOriginIsNamedAndAllowedWithOneClick() throws Exception {
        var stranger = "https://stranger-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var asked = http.send(HttpRequest.newBuilder(URI.create(b + "api/counts?thread=/x")).header("Origin", stranger).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(asked.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "its scripts get no answer");

        var client = admin(a);
        var page = settingsPage(client);
        var row = page.select("#refused-origins tbody tr").stream().filter(r -> r.text().contains(stranger)).findFirst();
        assertTrue(row.isPresent(), "the console names the refused origin: " + page.select("#refused-origins").text());
        var allow = row.get().selectFirst("button[value^=ALLOW:]");
        assertEquals("Allow " + stranger, allow.attr("aria-label"));

        var allowed = client.submit(page, "refused", Map.of("decision", allow.val()));
        assertEquals(302, allowed.statusCode(), allowed.body());
        var after = ConsoleClient.page(client.open(allowed.headers().firstValue("Location").orElseThrow()));
        assertTrue(after.selectFirst("#EMBED_ORIGINS").text().contains(stranger));
        assertFalse(after.select("#refused-origins").text().contains(stranger), "an allowed origin is no longer listed");

        var again = http.send(HttpRequest.newBuilder(URI.create(b + "api/counts?thread=/x")).header("Origin", stranger).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(stranger, again.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "its embed works now");
    }

    @Test
    void onlyAdministratorsChangeSettings() throws Exception {
        var anonymous = new ConsoleClient(a).get("console/settings/index.xhtml");
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("sign-in"));

        var moderator = new ConsoleClient(a);
        moderator.ensureMember("it-settings-moderator", "MODERATOR");
        assertEquals(302, moderator.signIn("it-settings-moderator", TeamFixture.PASSWORD).statusCode());
        assertEquals(403, moderator.get("console/settings/index.xhtml").statusCode());
        var posted = moderator.post("console/settings/index.xhtml", Map.of("decision", "SAVE:settings", "MODERATION", "none"), "http://" + a.getHost() + ":" + a.getPort());
        assertEquals(403, posted.statusCode(), "nor may a moderator post the form");
        assertNull(ConsoleClient.page(moderator.open("console/index.xhtml")).selectFirst("a[href$=/console/settings/index.xhtml]"),
                "the console offers no settings to a moderator");
    }
}

package org.hearth.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Hearth's WAR on WildFly Preview (provisioned by bin/hearth-wildfly with derby.cli and hearth.cli): the first admin
 * from the setup token, sign-in, the console, a team comment on a post with its badge, and a guest's reply waiting for
 * moderation, which queues the author's e-mail in a transaction of its own.
 */
class HearthOnWildFlyIT {

    private static final URI BASE = URI.create("http://localhost:" + (8080 + Integer.getInteger("hearth.it.wildfly.offset")) + "/");
    private static final String PASSWORD = "a wildfly password";

    private final HttpClient admin = client();
    private final HttpClient guest = client();

    @Test
    void theFirstAdminSignsInCommentsOnAPostAndAGuestReplies() throws Exception {
        // The first request brings the schema up to date; then Hearth, without a team, prints its setup token.
        var home = page(guest, "");
        var token = setupToken();
        var setup = submit(admin, page(admin, "setup.xhtml"), "setup", Map.of("setup:token", token, "setup:username", "wildfly-admin",
                "setup:displayName", "Wilma Fly", "setup:password", PASSWORD, "setup:confirmation", PASSWORD, "setup:go", "Create"));
        assertEquals(302, setup.statusCode(), setup.body());
        var signIn = submit(admin, page(admin, "sign-in.xhtml"), "signin",
                Map.of("signin:username", "wildfly-admin", "signin:password", PASSWORD, "signin:go", "Sign in"));
        assertEquals(302, signIn.statusCode(), signIn.body());
        var console = send(admin, HttpRequest.newBuilder(BASE.resolve("console/")).build());
        assertEquals(200, console.statusCode(), "the team's console, not WildFly's: " + console.headers());
        assertTrue(console.body().contains("Wilma Fly"), "signed in");

        var postPath = home.select("a[href*=/posts/]").first().attr("href");
        var thread = page(guest, postPath.substring(1)).selectFirst("section.hc-comments").attr("data-hearth-thread");
        var words = UUID.randomUUID().toString();

        var comment = post(admin, thread, null, "Wilma Fly", null, "Thanks for reading, " + words);
        assertEquals(201, comment.statusCode(), comment.body());
        var stored = json(comment.body());
        assertEquals("approved", stored.getString("status"));
        assertFalse(stored.getJsonObject("author").isNull("badge"), "a team member's comment carries a badge");
        var commentId = stored.getJsonNumber("id").longValue();

        var reply = post(guest, thread, commentId, "Gus Guest", "gus@example.org", "A first reply, " + words);
        assertEquals(201, reply.statusCode(), reply.body());
        var replied = json(reply.body());
        assertEquals("pending", replied.getString("status"), "a first-time commenter waits for moderation");
        assertEquals(1, replied.getInt("depth"));

        var postPage = page(guest, postPath.substring(1));
        assertTrue(postPage.selectFirst("#comment-" + commentId).text().contains(words), "the post page shows the comment");
        var log = Files.readString(Path.of(System.getProperty("hearth.it.server.log")));
        assertFalse(log.contains("Could not queue the moderation e-mail"), "the author's e-mail about the reply was queued");
        assertFalse(log.contains("ARJUNA016102"), "no service joined a finished transaction");
    }

    private static String setupToken() throws IOException {
        var matcher = Pattern.compile("HEARTH SETUP TOKEN: ([A-Z0-9-]+)").matcher(Files.readString(Path.of(System.getProperty("hearth.it.server.log"))));
        assertTrue(matcher.find(), "Hearth printed its setup token");
        return matcher.group(1);
    }

    private static HttpResponse<String> post(HttpClient client, String thread, Long parentId, String name, String email, String body) {
        var form = json(send(client, HttpRequest.newBuilder(BASE.resolve("api/comments?thread=" + encode(thread))).build()).body()).getString("form");
        var json = Json.createObjectBuilder().add("thread", thread).add("form", form).add("name", name).add("body", body);
        if (parentId != null) {
            json.add("parentId", parentId);
        }
        if (email != null) {
            json.add("email", email);
        }
        return send(client, HttpRequest.newBuilder(BASE.resolve("api/comments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.build().toString())).build());
    }

    /** Submits a Faces form with its hidden fields (the view state among them) and these fields. */
    private static HttpResponse<String> submit(HttpClient client, Document page, String formId, Map<String, String> fields) {
        var form = page.selectFirst("form#" + formId);
        assertTrue(form != null, "a form " + formId + " on " + page.location() + ": " + page.text());
        var values = new LinkedHashMap<String, String>();
        form.select("input[type=hidden]").forEach(input -> values.put(input.attr("name"), input.val()));
        values.putAll(fields);
        var body = values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(client, HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Document page(HttpClient client, String path) {
        var response = send(client, HttpRequest.newBuilder(BASE.resolve(path)).build());
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

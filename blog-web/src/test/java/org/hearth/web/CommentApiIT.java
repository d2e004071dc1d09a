package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The comment widget's JSON API under /api, as an outside client uses it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommentApiIT {

    /** The discussion's own comment form (its id carries the thread's tag). */
    private static final String MAIN_FORM = "section.hc-comments > form.hc-form";

    private static final int RATE_LIMIT = 25;
    private static final String FRIEND = "https://friend.example";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withContextParams(Deployments.hearthWar("comment-api-it"),
                Map.of("hearth.comments.RATE_LIMIT", Integer.toString(RATE_LIMIT), "hearth.comments.EMBED_ORIGINS", FRIEND,
                        "hearth.comments.MIN_SECONDS", "0"));
    }

    private URI uri(String path) {
        return URI.create(base.toExternalForm()).resolve(path);
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a comment with the form token a GET of a discussion hands out (unless the JSON names its own). */
    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        if (json.startsWith("{\"") && !json.contains("\"form\"")) {
            json = "{\"form\":\"" + DemoSite.formToken(base) + "\"," + json.substring(1);
        }
        return http.send(HttpRequest.newBuilder(uri("api/comments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs these bytes as the JSON body of a comment (for bodies that are not valid UTF-8). */
    private HttpResponse<String> postBytes(byte[] json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("api/comments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String newThread() {
        return "/it/api/" + UUID.randomUUID();
    }

    private static String comment(String thread, String name, String body) {
        return Json.createObjectBuilder().add("thread", thread).add("name", name).add("email", "reader@example.org")
                .add("body", body).build().toString();
    }

    private void assertProblem(HttpResponse<String> response, int status, String field, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        var problem = json(response);
        assertEquals(status, problem.getInt("status"));
        assertEquals(field, problem.getString("field"), response.body());
        assertEquals(reason, problem.getString("reason"), response.body());
        assertFalse(problem.getString("detail").isBlank());
        assertFalse(response.body().contains("Exception"), "no stack trace");
    }

    @Test
    void postAnswers201WithLocationAndTheStoredCommentWithoutItsEmail() throws Exception {
        var thread = newThread();
        var response = post(comment(thread, "Ada", "Hello **there**"));

        assertEquals(201, response.statusCode(), response.body());
        var stored = json(response);
        assertEquals("pending", stored.getString("status"), "a first-time commenter waits for moderation");
        assertEquals(thread, stored.getString("thread"));
        assertEquals(0, stored.getInt("depth"));
        assertTrue(stored.isNull("parentId"));
        assertEquals("Ada", stored.getJsonObject("author").getString("name"));
        assertTrue(stored.getJsonObject("author").isNull("badge"));
        assertEquals("<p>Hello <strong>there</strong></p>", stored.getString("html").strip());
        assertEquals(0, stored.getInt("smiles"));
        assertFalse(response.body().contains("reader@example.org"), "the e-mail never appears");
        var location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/comments/" + stored.getJsonNumber("id").longValue()), location);

        assertEquals(404, get(location).statusCode(), "nobody else sees a pending comment");
        var own = get(location, "X-Hearth-Own", stored.getString("ownerToken"));
        assertEquals(200, own.statusCode());
        assertEquals("pending", json(own).getString("status"));
    }

    @Test
    void notifyAsksForAnEmailAboutRepliesWhenTheCommentHasAnAddress() throws Exception {
        var thread = newThread();
        var subscribed = post(Json.createObjectBuilder().add("thread", thread).add("name", "Gil").add("email", "gil@example.org")
                .add("notify", true).add("body", "Tell me when someone answers").build().toString());
        assertEquals(201, subscribed.statusCode(), subscribed.body());
        assertTrue(json(subscribed).getBoolean("notify"), "asked for, with an address: subscribed");
        var withoutAddress = post(Json.createObjectBuilder().add("thread", thread).add("name", "Hal")
                .add("notify", true).add("body", "Tell me too, somehow").build().toString());
        assertEquals(201, withoutAddress.statusCode(), withoutAddress.body());
        assertFalse(json(withoutAddress).getBoolean("notify"), "no address, no e-mails: the comment is still stored");
        assertFalse(json(post(comment(thread, "Ivy", "No e-mails for me"))).getBoolean("notify"), "not asked for");
    }

    @Test
    void pendingCommentIsInTheThreadOnlyForItsAuthor() throws Exception {
        var thread = newThread();
        var token = json(post(comment(thread, "Bea", "Am I visible?"))).getString("ownerToken");

        assertEquals(0, json(get("api/comments?thread=" + thread)).getJsonArray("comments").size());
        var mine = json(get("api/comments?thread=" + thread, "X-Hearth-Own", token)).getJsonArray("comments");
        assertEquals(1, mine.size());
        assertEquals("pending", mine.getJsonObject(0).getString("status"));
        assertEquals(0L, json(get("api/counts?thread=" + thread)).getJsonNumber(thread).longValue(), "pending is not counted");
        assertEquals(0, json(get("api/comments?thread=" + thread, "X-Hearth-Own", "1.forged")).getJsonArray("comments").size());
    }

    @Test
    void demoThreadIsATreeWithTheAuthorsBadgedReplyNested() throws Exception {
        var page = json(get("api/comments?thread=" + DemoSite.starThread(base)));
        var comments = page.getJsonArray("comments");
        assertEquals(2, comments.size());
        var first = comments.getJsonObject(0);
        assertEquals("Maya Okafor", first.getJsonObject("author").getString("name"));
        var reply = first.getJsonArray("replies").getJsonObject(0);
        assertEquals("Rosa Lindqvist", reply.getJsonObject("author").getString("name"));
        assertEquals("Author", reply.getJsonObject("author").getString("badge"));
        assertEquals(1, reply.getInt("depth"));
        assertEquals(first.getJsonNumber("id").longValue(), reply.getJsonNumber("parentId").longValue());
        assertEquals("approved", reply.getString("status"));
        assertEquals("Tomasz Wierzbicki", comments.getJsonObject(1).getJsonObject("author").getString("name"));

        var newest = json(get("api/comments?thread=" + DemoSite.starThread(base) + "&sort=newest")).getJsonArray("comments");
        assertEquals("Tomasz Wierzbicki", newest.getJsonObject(0).getJsonObject("author").getString("name"));
    }

    @Test
    void countsAnswerApprovedCommentsPerThread() throws Exception {
        var unknown = newThread();
        var counts = json(get("api/counts?thread=" + DemoSite.starThread(base) + "&thread=" + unknown));
        assertEquals(3, counts.getJsonNumber(DemoSite.starThread(base)).longValue());
        assertEquals(0, counts.getJsonNumber(unknown).longValue());
        assertProblem(get("api/counts"), 400, "thread", "missing");
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheFieldAndNothingIsStored() throws Exception {
        var thread = newThread();
        assertProblem(post(comment(thread, "  ", "Hi")), 400, "name", "blank");
        assertProblem(post(comment(thread, "n".repeat(81), "Hi")), 400, "name", "too-long");
        assertProblem(post(comment(thread, "Cy", "x".repeat(10_001))), 400, "body", "too-long");
        assertProblem(post(comment(thread, "Cy", " ")), 400, "body", "blank");
        assertProblem(post("{\"thread\":\"" + thread + "\",\"name\":\"Cy\",\"website\":\"javascript:alert(1)\",\"body\":\"Hi\"}"),
                400, "website", "invalid");
        assertProblem(post("{\"thread\":\"" + thread + "\",\"name\":\"Cy\",\"email\":\"nope\",\"body\":\"Hi\"}"), 400, "email", "invalid");
        assertProblem(post("{\"thread\":\"" + thread + "\",\"parentId\":999999999,\"name\":\"Cy\",\"body\":\"Hi\"}"),
                400, "parentId", "unknown-parent");
        assertProblem(post("{not json"), 400, "body", "malformed-json");
        assertProblem(post("{\"name\":\"Cy\",\"body\":\"Hi\"}"), 400, "thread", "invalid");
        assertProblem(get("api/comments?thread=x&sort=sideways"), 400, "sort", "unknown-sort");

        var demo = json(get("api/comments?thread=" + DemoSite.starThread(base))).getJsonArray("comments").getJsonObject(0);
        assertProblem(post("{\"thread\":\"" + thread + "\",\"parentId\":" + demo.getJsonNumber("id") + ",\"name\":\"Cy\",\"body\":\"Hi\"}"),
                400, "parentId", "unknown-parent");

        assertEquals(0, json(get("api/comments?thread=" + thread)).getJsonNumber("topLevel").longValue());
    }

    @Test
    void aCommentNeedsTheFormTokenOfTheDiscussionItAnswers() throws Exception {
        var thread = newThread();
        assertFalse(json(get("api/comments?thread=" + thread)).getString("form").isBlank(), "a GET hands out a form token");
        var words = "\"name\":\"Bo\",\"body\":\"Without a token\",\"thread\":\"" + thread + "\"";
        assertProblem(post("{\"form\":null," + words + "}"), 400, "form", "form-expired");
        assertProblem(post("{\"form\":\"1764072000000.forged\"," + words + "}"), 400, "form", "form-expired");
        var taken = post("{" + words + "}");
        assertEquals(201, taken.statusCode(), "with the token it is taken: " + taken.body());
        assertEquals("pending", json(taken).getString("status"));
    }

    @Test
    void badgeCannotBeSpoofedByTypingTheAuthorsName() throws Exception {
        var thread = newThread();
        assertProblem(post(comment(thread, "Rosa Lindqvist", "It is me, honestly")), 400, "name", "reserved");
        assertProblem(post(comment(thread, "  rosa lindqvist ", "It is me, honestly")), 400, "name", "reserved");
        var sneaky = post("{\"thread\":\"" + thread + "\",\"name\":\"Rosa L.\",\"badge\":\"Author\",\"body\":\"Trust me\","
                + "\"author\":{\"badge\":\"Author\"}}");
        assertEquals(201, sneaky.statusCode(), sneaky.body());
        assertEquals(JsonValue.NULL, json(sneaky).getJsonObject("author").get("badge"));
    }

    @Test
    void lookalikesOfAnAuthorsNameAreRefused() throws Exception {
        var thread = newThread();
        for (var lookalike : new String[] {"Rosa\u00A0Lindqvist", "Rosa Lind\u200Bqvist", "\uFEFFRosa Lindqvist", "R\u043Esa Lindqvist",
                "Ros\u0430 Lindqvist", "R\u03BFsa Lindqvist", "ROSA  LINDQVIST", "\uFF32\uFF4F\uFF53\uFF41 Lindqvist", "Rosa Lind\u00ADqvist",
                "Samuel Adeyem\u0456", "Samue\u0301l Adeyemi"}) {
            assertProblem(post(comment(thread, lookalike, "It is me, honestly")), 400, "name", "reserved");
        }
        assertProblem(post(comment(thread, "\u200B\u200C\u200D", "Who am I?")), 400, "name", "invisible");
        assertProblem(post(comment(thread, "\u3164", "Who am I?")), 400, "name", "invisible");
        var stored = post(comment(thread, "Ro\u200Bsa L.\u00A0\uFF01", "A name of my own"));
        assertEquals(201, stored.statusCode(), stored.body());
        assertEquals("Rosa L. !", json(stored).getJsonObject("author").getString("name"), "names are kept normalized");
        assertEquals(1, json(get("api/comments?thread=" + thread, "X-Hearth-Own", json(stored).getString("ownerToken"))).getJsonNumber("topLevel").longValue());
    }

    @Test
    void textThatCannotBeStoredIsRefusedNamingTheField() throws Exception {
        var thread = newThread();
        var fields = Map.of("name", "Vic", "email", "vic@example.org", "website", "https://vic.example", "body", "Hello", "title", "A page");
        for (var bad : new String[] {"\\u0000", "\\ud800", "\\udc00", "\\ufffd"}) { // JSON escapes: NUL, lone surrogates, U+FFFD
            for (var field : fields.keySet()) {
                var json = new StringBuilder("{\"thread\":\"" + thread + "\"");
                fields.forEach((name, value) -> json.append(",\"").append(name).append("\":\"")
                        .append(name.equals(field) ? "V" + bad + (name.equals("email") ? "@example.org" : name.equals("website") ? "https://x.example/" : "x") : value)
                        .append('"'));
                assertProblem(post(json.append('}').toString()), 400, field, "invalid-character");
            }
            assertProblem(post("{\"thread\":\"" + thread + bad + "\",\"name\":\"Vic\",\"body\":\"Hi\"}"), 400, "thread", "invalid-character");
        }
        var prefix = "{\"form\":\"" + DemoSite.formToken(base) + "\",\"thread\":\"" + thread + "\",";
        var latin1Name = (prefix + "\"name\":\"Ren\u00e9\",\"body\":\"Bonjour\"}").getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(postBytes(latin1Name), 400, "name", "invalid-utf8");
        var encodedSurrogate = new ByteArrayOutputStream();
        encodedSurrogate.writeBytes((prefix + "\"name\":\"Vic\",\"body\":\"Hi ").getBytes(StandardCharsets.UTF_8));
        encodedSurrogate.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        encodedSurrogate.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        assertProblem(postBytes(encodedSurrogate.toByteArray()), 400, "body", "invalid-utf8");

        assertEquals(0, json(get("api/comments?thread=" + thread)).getJsonNumber("topLevel").longValue(), "nothing was stored");
    }

    @Test
    void duplicateIsRefusedWhateverItsCaseBlanksOrInvisibleCharacters() throws Exception {
        var thread = newThread();
        assertEquals(201, post(comment(thread, "Dot", "Thanks for this post!")).statusCode());
        assertProblem(post(comment(thread, "Dot", "THANKS for this post!")), 400, "body", "duplicate");
        assertProblem(post(comment(thread, "Dot", "Thanks\u200B for this\u00A0 post!")), 400, "body", "duplicate");
        assertProblem(post(comment(thread, "Dot", "\uFF34hanks for this post\uFF01")), 400, "body", "duplicate");
    }

    @Test
    void exactDuplicateIsRefusedAndReplyToPendingParentNeedsItsAuthor() throws Exception {
        var thread = newThread();
        var first = json(post(comment(thread, "Dee", "Same words")));
        assertProblem(post(comment(thread, "Dee", "  Same   words ")), 400, "body", "duplicate");
        assertProblem(post("{\"thread\":\"" + thread + "\",\"parentId\":" + first.getJsonNumber("id") + ",\"name\":\"Eli\",\"body\":\"Reply\"}"),
                400, "parentId", "unknown-parent");
        assertProblem(post("{\"thread\":\"" + thread + "\",\"name\":\"Bot\",\"homepage\":\"http://spam.example\",\"body\":\"Buy\"}"),
                400, "homepage", "honeypot");
    }

    @Test
    @Order(Integer.MAX_VALUE) // it uses up this client's quota for a minute
    void tooManyCommentsFromOneClientAnswer429() throws Exception {
        var thread = newThread();
        HttpResponse<String> response = null;
        for (int i = 0; i <= RATE_LIMIT; i++) {
            response = post(comment(thread, "Flo", "Comment number " + i));
            if (response.statusCode() == 429) {
                break;
            }
            assertEquals(201, response.statusCode(), response.body());
        }
        assertProblem(response, 429, "body", "rate-limit");
        var retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "the seconds until the minute frees a slot: " + retryAfter);

        // The form of a post page, without JavaScript: the same limit, and a 429 page that says when to come back.
        var shown = get(DemoSite.STAR_PATH);
        var page = Jsoup.parse(shown.body());
        // The browser's form cookie goes back with the form: its token is bound to it.
        var formCookie = shown.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hc_form="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        var form = new StringBuilder();
        page.select(MAIN_FORM + " input[type=hidden]").forEach(input -> form.append(URLEncoder.encode(input.attr("name"), StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(input.val(), StandardCharsets.UTF_8)).append('&'));
        form.append("hc-name=Flo&hc-action=post&hc-body=").append(URLEncoder.encode("One more " + UUID.randomUUID(), StandardCharsets.UTF_8));
        var refused = http.send(HttpRequest.newBuilder(uri(page.selectFirst(MAIN_FORM).attr("action"))).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", formCookie)
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(429, refused.statusCode());
        var formRetryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(formRetryAfter >= 1 && formRetryAfter <= 60, "the seconds until the minute frees a slot: " + formRetryAfter);
        assertFalse(Jsoup.parse(refused.body()).select(MAIN_FORM + " .hc-errors").isEmpty(), "the page says why");
    }

    @Test
    void onlyConfiguredEmbedOriginsMayCallTheApiFromTheirPages() throws Exception {
        var friend = get("api/counts?thread=" + DemoSite.starThread(base), "Origin", FRIEND);
        assertEquals(FRIEND, friend.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        var preflight = http.send(HttpRequest.newBuilder(uri("api/comments")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", FRIEND).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, x-hearth-own").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(preflight.statusCode() < 300, "preflight answered: " + preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("X-Hearth-Own"));

        var stranger = get("api/counts?thread=" + DemoSite.starThread(base), "Origin", "https://evil.example");
        assertTrue(stranger.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "other sites' scripts are kept out");
    }

    @Test
    void unknownApiPathAnswersAProblemNotAnHtmlPage() throws Exception {
        var response = get("api/no-such-thing");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response.body());
    }

    @Test
    void commentFeedOfAPostListsItsApprovedCommentsOnly() throws Exception {
        var response = get("feeds/comments/being-a-star-in-our-communities.atom");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/atom+xml"));
        var feed = new com.rometools.rome.io.SyndFeedInput().build(new StringReader(response.body()));
        var approved = json(get("api/counts?thread=" + DemoSite.starThread(base))).getJsonNumber(DemoSite.starThread(base)).longValue();
        assertEquals(Math.min(approved, 50), feed.getEntries().size(), "approved comments only");
        assertTrue(feed.getEntries().stream().anyMatch(entry -> entry.getAuthors().getFirst().getName().equals("Maya Okafor")));
        assertTrue(feed.getEntries().stream().allMatch(entry -> entry.getLink().matches(".*/posts/being-a-star-in-our-communities#comment-\\d+")));
        assertFalse(response.body().contains("@"), "no e-mail address in the feed");
        assertEquals(404, get("feeds/comments/no-such-post.atom").statusCode());
    }
}

package org.hearth.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whole discussion on the sample site, a Faces application that is not Hearth, on the server the build names
 * ({@code sample.it.server}: GlassFish 8 with EclipseLink, or WildFly Preview with Hibernate): the tag, moderation,
 * replies, edits, smiles, a team member's badge, share counts, the counts API, and the embed on another origin. The
 * steps build on each other, in order, in the one thread of the sample's article.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleHostIT {

    private static final String THREAD = "sample/welcome";
    private static final String GUEST = "Ada Guest";
    private static final String GUEST_EMAIL = "ada@example.org";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** The embed of the article's thread and of the guestbook's on the plain HTML page. */
    private static final String WELCOME = "div[data-hearth-thread='sample/welcome']";
    private static final String GUESTBOOK = "div[data-hearth-thread='sample/guestbook']";
    /** A discussion's own comment form (its id carries the thread's tag). */
    private static final String MAIN_FORM = "section.hc-comments > form.hc-form";

    private static final URI BASE = URI.create("http://localhost:" + (Integer.getInteger("sample.it.http.port.base")
            + Integer.getInteger("sample.it.http.port.offset")) + "/sample/");
    private static final String SERVER = System.getProperty("sample.it.server");

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();

    /** The guest's browser, without JavaScript (the tag's plain forms); it keeps her cookies from step to step. */
    private static WebDriver guest;
    private static long firstCommentId;
    private static long embedCommentId;
    /** The thread's approved comments before this run (a rerun against a running server finds earlier ones). */
    private static long before;

    @BeforeAll
    static void openBrowser() {
        guest = Browsers.headlessChromium(false);
    }

    @AfterAll
    static void closeBrowser() {
        if (guest != null) {
            guest.quit();
        }
    }

    @Test
    @Order(1)
    void theTagShowsTheDiscussionItsFormAndTheShareBar() {
        var page = page("");
        assertEquals(THREAD, page.select("section.hc-comments").attr("data-hearth-thread"), SERVER);
        assertFalse(page.select(MAIN_FORM + " textarea[name=hc-body]").isEmpty(), "the comment form");
        assertEquals(6, page.select("nav.hc-share a.hc-share-link").size(), "the share bar's networks");
        before = count();
    }

    @Test
    @Order(2)
    void aGuestsFirstCommentWaitsForTheTeamsApproval() {
        var words = "First words from the sample site " + RUN;
        guest.get(BASE.toString());
        fill(guest, MAIN_FORM, GUEST, words);
        guest.findElement(By.cssSelector(MAIN_FORM + " .hc-post-button")).click();
        var pending = until(guest, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hc-comment.hc-pending")));
        assertTrue(pending.getText().contains(words), pending.getText());
        firstCommentId = Long.parseLong(pending.getAttribute("id").substring("comment-".length()));

        assertFalse(page("").text().contains(words), "nobody else sees it yet");
        assertEquals(before, count());
    }

    @Test
    @Order(3)
    void aTeamMemberApprovesItOnTheModerationPage() {
        assertEquals(401, send(HttpRequest.newBuilder(BASE.resolve("team/moderation.xhtml")).build()).statusCode(),
                "the team's page asks for a sign-in");
        approve(firstCommentId);

        var shown = page("").getElementById("comment-" + firstCommentId);
        assertTrue(shown != null && shown.text().contains(RUN), "approved: every reader sees it");
        assertEquals(before + 1, count());

        var feedAddress = page("").selectFirst(".hc-feed a[type=application/atom+xml]").attr("href");
        var feed = send(HttpRequest.newBuilder(URI.create(feedAddress)).build());
        assertEquals(200, feed.statusCode(), SERVER + " " + feedAddress);
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"), SERVER);
        assertTrue(feed.body().contains("First words from the sample site " + RUN), "the widget's own feed of the thread, on " + SERVER);
    }

    @Test
    @Order(4)
    void theGuestRepliesEditsHerReplyAndSmilesWithoutJavaScript() {
        guest.get(BASE.toString());
        guest.findElement(By.cssSelector("#comment-" + firstCommentId + " .hc-reply")).click();
        var replyForm = "#hc-form-" + firstCommentId;
        until(guest, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(replyForm)));
        fill(guest, replyForm, GUEST, "A reply " + RUN);
        guest.findElement(By.cssSelector(replyForm + " .hc-post-button")).click();
        var reply = until(guest, ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#comment-" + firstCommentId + " .hc-comment[data-depth='1']")));
        assertFalse(reply.getAttribute("class").contains("hc-pending"), "a commenter the team approved before is trusted");
        var replyId = reply.getAttribute("id");

        guest.findElement(By.cssSelector("#" + replyId + " .hc-edit")).click();
        var editForm = "#hc-form-edit-" + replyId.substring("comment-".length());
        var body = until(guest, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(editForm + " textarea")));
        body.clear();
        body.sendKeys("A corrected reply " + RUN);
        guest.findElement(By.cssSelector(editForm + " .hc-post-button")).click();
        until(guest, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + replyId), "A corrected reply " + RUN));

        guest.findElement(By.cssSelector("#comment-" + firstCommentId + " > .hc-actions .hc-smile, #comment-" + firstCommentId
                + " .hc-smile")).click();
        until(guest, ExpectedConditions.textToBe(By.cssSelector("#comment-" + firstCommentId + " .hc-smile-count"), "1"));

        var everyone = page("");
        var shownReply = everyone.selectFirst("#comment-" + firstCommentId + " #" + replyId);
        assertTrue(shownReply != null && shownReply.text().contains("A corrected reply " + RUN), "the reply, nested and corrected");
        assertEquals("1", everyone.selectFirst("#comment-" + firstCommentId + " .hc-smile-count").text());
        assertEquals(before + 2, count());
    }

    @Test
    @Order(5)
    void aSignedInTeamMembersCommentCarriesTheTeamBadgeAndGuestsMayNotTakeTheirName() throws Exception {
        var posted = postJson(signedIn("sam", BASE.resolve("api/comments")), "Sam Okoye", "sam@example.org", "Welcome, everyone " + RUN);
        assertEquals(201, posted.statusCode(), posted.body());
        var comment = json(posted.body());
        assertEquals("approved", comment.getString("status"), "the team is trusted");
        assertEquals("Team", comment.getJsonObject("author").getString("badge"));

        var impostor = postJson(HttpRequest.newBuilder(BASE.resolve("api/comments")), "Sam Okoye", "x@example.org", "Not really Sam");
        assertEquals(400, impostor.statusCode(), "a team member's name is theirs: " + impostor.body());
        assertEquals("name", json(impostor.body()).getString("field"));

        var badge = page("").selectFirst("#comment-" + comment.getJsonNumber("id").longValue() + " .hc-badge");
        assertTrue(badge != null && badge.text().contains("Team"), "the page shows the badge");
        assertEquals(before + 3, count());
    }

    @Test
    @Order(6)
    void shareLinksRedirectToTheNetworkAndCountOnThePage() throws Exception {
        var shares = Long.parseLong(page("").selectFirst("nav.hc-share .hc-share-bluesky .hc-share-count").text());
        // A client counts once a day: this run's own browser name makes it a new one on a server that ran the test before.
        var shared = send(HttpRequest.newBuilder(BASE.resolve("share/bluesky?thread=" + encode(THREAD)))
                .header("User-Agent", "SampleHostIT " + RUN).build());
        assertEquals(302, shared.statusCode());
        assertTrue(shared.headers().firstValue("Location").orElse("").startsWith("https://bsky.app/"), shared.headers().toString());
        assertTrue(shared.headers().firstValue("Location").orElse("").contains(encode(BASE.toString())), "the page's address is shared");
        assertEquals(Long.toString(shares + 1), page("").selectFirst("nav.hc-share .hc-share-bluesky .hc-share-count").text());
    }

    @Test
    @Order(7)
    void theEmbedOnAPlainPageOfAnotherOriginShowsTheDiscussionAndPosts() throws Exception {
        onEmbedPage(browser -> {
            until(browser, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(WELCOME), "First words from the sample site " + RUN));
            var words = "Hello from a plain page " + RUN;
            fill(browser, WELCOME + " " + MAIN_FORM, GUEST, words);
            browser.findElement(By.cssSelector(WELCOME + " " + MAIN_FORM + " .hc-post-button")).click();
            until(browser, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(WELCOME + " .hc-list"), words));
            var posted = browser.findElements(By.cssSelector(WELCOME + " .hc-comment")).stream()
                    .filter(comment -> comment.getText().contains(words)).reduce((first, second) -> second).orElseThrow();
            // A new browser holds no approved comment of its writer's: the team decides first.
            assertTrue(posted.getAttribute("class").contains("hc-pending"), posted.getAttribute("class"));
            embedCommentId = Long.parseLong(posted.getAttribute("id").substring("comment-".length()));
        });
        approve(embedCommentId);
        assertTrue(page("").text().contains("Hello from a plain page " + RUN), "the tag shows what the embed posted");
        assertEquals(before + 4, count());
    }

    @Test
    @Order(8)
    void twoEmbedsOfTwoThreadsOnOnePageKeepTheirIdsLabelsAndCommentsApart() throws Exception {
        onEmbedPage(browser -> {
            until(browser, ExpectedConditions.numberOfElementsToBe(By.cssSelector(MAIN_FORM), 2));
            var ids = ((JavascriptExecutor) browser).executeScript(
                    "return Array.from(document.querySelectorAll('[id]'), function (e) { return e.id; });");
            var all = ((List<?>) ids).stream().map(Object::toString).toList();
            assertEquals(all.size(), new HashSet<>(all).size(), "no id twice on the page: " + all);
            var strays = ((JavascriptExecutor) browser).executeScript("""
                    return Array.from(document.querySelectorAll('label[for]')).filter(function (label) {
                        var field = document.getElementById(label.htmlFor);
                        return !field || field.closest('section.hc-comments') !== label.closest('section.hc-comments');
                    }).map(function (label) { return label.htmlFor; });""");
            assertEquals(List.of(), strays, "every label names a field of its own discussion");

            var words = "Signed in the guestbook " + RUN;
            fill(browser, GUESTBOOK + " " + MAIN_FORM, GUEST, words);
            browser.findElement(By.cssSelector(GUESTBOOK + " " + MAIN_FORM + " .hc-post-button")).click();
            until(browser, ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(GUESTBOOK + " .hc-list"), words));
            assertFalse(browser.findElement(By.cssSelector(WELCOME)).getText().contains(words), "the other discussion shows nothing of it");
            assertEquals("", browser.findElement(By.cssSelector(GUESTBOOK + " " + MAIN_FORM + " [name=hc-body]")).getAttribute("value"),
                    "the form that posted is emptied");
        });
        assertFalse(page("").text().contains("Signed in the guestbook " + RUN), "the article's thread did not get it");
    }

    /** Serves the sample's plain HTML page from another origin and opens it in a browser with JavaScript. */
    private static void onEmbedPage(Consumer<WebDriver> steps) throws IOException {
        var port = Integer.getInteger("sample.it.embed.port");
        var html = Files.readString(Path.of(System.getProperty("sample.it.embed.page")))
                .replace("href=\"hearth/", "href=\"" + BASE + "hearth/").replace("src=\"hearth/", "src=\"" + BASE + "hearth/");
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/embed.html", exchange -> {
            var bytes = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        var browser = Browsers.headlessChromium(true);
        try {
            browser.get("http://127.0.0.1:" + port + "/embed.html");
            steps.accept(browser);
        } finally {
            browser.quit();
            server.stop(0);
        }
    }

    /** Approves this comment as a team member, on the sample's moderation page. */
    private static void approve(long commentId) {
        var moderation = send(signedIn("rosa", BASE.resolve("team/moderation.xhtml")).build());
        assertEquals(200, moderation.statusCode());
        var page = Jsoup.parse(moderation.body(), moderation.uri().toString());
        var form = page.selectFirst("#pending-" + commentId + " form");
        assertTrue(form != null, "the comment waits on the moderation page: " + page.text());
        var fields = form.select("input[type=hidden]").stream()
                .map(input -> encode(input.attr("name")) + "=" + encode(input.val())).collect(Collectors.joining("&"));
        var approve = form.selectFirst("input[value=Approve]");
        var decided = send(signedIn("rosa", URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&" + encode(approve.attr("name")) + "=Approve")).build());
        assertEquals(3, decided.statusCode() / 100, "redirected after the decision: " + decided.body());
    }

    private static void fill(WebDriver browser, String form, String name, String body) {
        browser.findElement(By.cssSelector(form + " [name=hc-name]")).sendKeys(name);
        browser.findElement(By.cssSelector(form + " [name=hc-email]")).sendKeys(GUEST_EMAIL);
        browser.findElement(By.cssSelector(form + " [name=hc-body]")).sendKeys(body);
    }

    private static <T> T until(WebDriver browser, org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(condition);
    }

    private static HttpRequest.Builder signedIn(String login, URI uri) {
        var credentials = Base64.getEncoder().encodeToString((login + ":" + SampleSecurity.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).header("Authorization", "Basic " + credentials);
    }

    private static HttpResponse<String> postJson(HttpRequest.Builder request, String name, String email, String body) {
        var form = json(send(HttpRequest.newBuilder(BASE.resolve("api/comments?thread=" + encode(THREAD))).build()).body()).getString("form");
        var json = Json.createObjectBuilder().add("thread", THREAD).add("form", form).add("name", name).add("email", email)
                .add("body", body).build().toString();
        return send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Document page(String path) {
        var response = send(HttpRequest.newBuilder(BASE.resolve(path)).build());
        assertEquals(200, response.statusCode(), path);
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    private static long count() {
        var counts = json(send(HttpRequest.newBuilder(BASE.resolve("api/counts?thread=" + encode(THREAD))).build()).body());
        return counts.getJsonNumber(THREAD).longValue();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

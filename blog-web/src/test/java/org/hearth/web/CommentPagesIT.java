package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The comment widget on a post page, as a browser without JavaScript uses it: plain forms, redirects, cookies. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommentPagesIT {

    /** The discussion's own comment form (its id carries the thread's tag). */
    private static final String MAIN_FORM = "section.hc-comments > form.hc-form";

    private static final String STAR = DemoSite.STAR_PATH;
    private static final String QUIET = "posts/writing-for-the-quiet-readers";
    /** Where the widget's forms post (their action), not the page showing them. */
    private static final String FORMS = "api/discussion";

    // HTTP/1.1 as browsers speak to a plain-HTTP server (no h2c upgrade, which the page cache leaves alone).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWarForCommenting("comment-pages-it").addClasses(ApproveServlet.class, PostFixture.class);
    }

    /** The browser's own cookie, as a browser keeps it: form tokens are bound to it. */
    private String browserCookie;

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path));
        return send(request, cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws IOException, InterruptedException {
        var cookies = Stream.of(browserCookie, cookie).filter(c -> c != null).collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hc_form="))
                .forEach(c -> browserCookie = c.substring(0, c.indexOf(';')));
        return response;
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String cookie) throws IOException, InterruptedException {
        return postEncoded(path, encode(form), cookie);
    }

    /** POSTs a form body encoded by the caller (e.g. with bytes that are not UTF-8). */
    private HttpResponse<String> postEncoded(String path, String body, String cookie) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, cookie);
    }

    private static Document page(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    /** The hidden fields of the page's main comment form, plus the given fields. */
    private Map<String, String> form(Document page, String formSelector, Map<String, String> fields) {
        var form = new LinkedHashMap<String, String>();
        page.select(formSelector + " input[type=hidden]").forEach(input -> form.put(input.attr("name"), input.val()));
        form.putAll(fields);
        return form;
    }

    private static String ownCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("hc_own=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    @Test
    void theHomePagesCommentLinksLeadToTheirPostsDiscussion() throws Exception {
        var links = page(get("", null)).select(".post-reactions a");
        assertFalse(links.isEmpty(), "the home page links to the comments of its posts");
        var href = links.getFirst().attr("href");
        var anchor = href.substring(href.indexOf('#') + 1);
        var post = page(get(href.substring(0, href.indexOf('#')), null));
        var discussion = post.getElementById(anchor);
        assertNotNull(discussion, "the anchor of " + href + " is on the post's page");
        assertTrue(discussion.is("section.hc-comments"), href);
    }

    @Test
    void postPageShowsTheDiscussionNestedWithTheAuthorsBadge() throws Exception {
        var doc = page(get(STAR, null));
        var maya = doc.selectFirst("article.hc-comment[data-depth=0]:has(.hc-author:containsOwn(Maya Okafor))");
        assertNotNull(maya, "Maya's comment is shown");
        assertTrue(maya.id().matches("comment-\\d+"));
        var reply = maya.selectFirst("article.hc-comment[data-depth=1]");
        assertNotNull(reply, "the author's reply is nested inside Maya's comment");
        assertEquals("Rosa Lindqvist", reply.selectFirst(".hc-author").text());
        assertEquals("Author", reply.selectFirst(".hc-badge").text());
        assertNotNull(reply.selectFirst("time[datetime]"));
        assertNotNull(doc.selectFirst("article.hc-comment[data-depth=0] .hc-author:containsOwn(Tomasz Wierzbicki)"));
        assertTrue(doc.selectFirst("section.hc-comments h2").text().matches("\\d+ comments"), doc.selectFirst("section.hc-comments h2").text());

        for (var field : doc.select(MAIN_FORM + " input:not([type=hidden]), " + MAIN_FORM + " textarea")) {
            assertNotNull(doc.selectFirst("label[for=" + field.id() + "]"), "every field has a label: " + field.id());
        }
        assertTrue(doc.select("[style]").isEmpty(), "no inline styles");
        assertTrue(doc.select("script:not([src]):not([type=application/ld+json])").isEmpty(), "no inline scripts (JSON-LD is data)");
        assertNotNull(doc.selectFirst("link[rel=stylesheet][href*=comments.css]"));
    }

    @Test
    void commentPostedWithoutJavaScriptRedirectsToItAndOnlyItsAuthorSeesItPending() throws Exception {
        var doc = page(get(STAR, null));
        var words = "Posted without JavaScript " + UUID.randomUUID();
        var response = post(FORMS, form(doc, MAIN_FORM, Map.of("hc-name", "Nia <img src=x onerror=alert(1)>", "hc-website", "nia.example",
                "hc-body", words, "hc-action", "post")), null);

        assertEquals(303, response.statusCode(), response.body());
        var location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches(".*/" + DemoSite.STAR_PATH + "#comment-\\d+"), location);
        var id = location.substring(location.indexOf("#") + 1);
        var cookie = ownCookie(response);

        var mine = page(get(STAR, cookie));
        var comment = mine.getElementById(id);
        assertNotNull(comment, "the author sees their comment");
        assertTrue(comment.text().contains(words));
        assertTrue(comment.selectFirst(".hc-pending-note").text().startsWith("Awaiting moderation"));
        var author = comment.selectFirst("a.hc-author");
        assertEquals("Nia <img src=x onerror=alert(1)>", author.text(), "the name is shown as text");
        assertTrue(author.select("img").isEmpty());
        assertEquals("https://nia.example", author.attr("href"));
        assertEquals("nofollow ugc noopener", author.attr("rel"));
        assertNull(page(get(STAR, null)).getElementById(id), "nobody else sees it");
        assertNull(page(get(STAR, "hc_own=" + id.substring(8) + ".forged")).getElementById(id), "a forged cookie proves nothing");
    }

    @Test
    void formsPostToTheWidgetsEndpointNotToThePageShowingThem() throws Exception {
        var doc = page(get(STAR, null));
        for (var form : doc.select("section.hc-comments form")) {
            assertEquals(base.toExternalForm() + FORMS, form.attr("action"), form.outerHtml());
        }
        var words = "Sent to the page itself " + UUID.randomUUID();
        var toPage = post(STAR, form(doc, MAIN_FORM, Map.of("hc-name", "Pat", "hc-body", words, "hc-action", "post")), null);
        assertTrue(toPage.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("hc_own=")), "the page takes no comment");
        assertFalse(get("api/comments?thread=" + DemoSite.starThread(base), null).body().contains(words));
    }

    @Test
    void aFormLeadsBackToTheSitesPageThatSentItAndNowhereElse() throws Exception {
        var doc = page(get(STAR, null));
        var fromPage = send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(FORMS))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", base.toExternalForm() + STAR + "?hc-reply=1&hc-sort=top")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form(doc, MAIN_FORM, Map.of("hc-name", "Lou",
                        "hc-body", "Back to where I was " + UUID.randomUUID(), "hc-action", "post"))))), null);
        assertEquals(303, fromPage.statusCode(), fromPage.body());
        assertTrue(fromPage.headers().firstValue("Location").orElseThrow().matches(Pattern.quote(base.toExternalForm() + STAR) + "#comment-\\d+"),
                "the page it came from, without the query that opened a form: " + fromPage.headers().firstValue("Location"));

        var lured = send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(FORMS))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base.getProtocol() + "://" + base.getHost() + ":" + base.getPort())
                .header("Referer", "https://evil.example/phish")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form(page(get(STAR, null)), MAIN_FORM, Map.of("hc-name", "Lou",
                        "hc-body", "Never to a stranger " + UUID.randomUUID(), "hc-action", "post"))))), null);
        assertEquals(303, lured.statusCode(), lured.body());
        var location = URI.create(lured.headers().firstValue("Location").orElseThrow());
        assertEquals(base.getHost(), location.getHost(), "no open redirect: " + location);
        assertTrue(location.getPath().endsWith("/" + STAR), "the thread's own page: " + location);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Test
    void replyWithoutJavaScriptNestsUnderItsParent() throws Exception {
        var doc = page(get(STAR, null));
        var maya = doc.selectFirst("article.hc-comment[data-depth=0]:has(.hc-author:containsOwn(Maya Okafor))");
        var replyLink = maya.selectFirst("a.hc-reply");
        var formPage = page(get(STAR + replyLink.attr("href").replaceFirst("#.*", ""), null));
        var parentId = maya.id().substring(8);
        var replyForm = formPage.getElementById("hc-form-" + parentId);
        assertNotNull(replyForm, "the reply form opens under the comment");
        assertNotNull(formPage.getElementById(maya.id()).selectFirst("#hc-form-" + parentId));

        var response = post(FORMS, form(formPage, "#hc-form-" + parentId,
                Map.of("hc-name", "Otto", "hc-body", "A reply " + UUID.randomUUID(), "hc-action", "post")), null);
        assertEquals(303, response.statusCode(), response.body());
        var id = response.headers().firstValue("Location").orElseThrow().replaceFirst(".*#", "");
        var reply = page(get(STAR, ownCookie(response))).getElementById(id);
        assertEquals("1", reply.attr("data-depth"));
        assertEquals(maya.id(), reply.parent().closest("article").id(), "nested inside Maya's comment");
    }

    @Test
    void refusedCommentShowsTheMessageBesideTheFieldAndKeepsTheInput() throws Exception {
        var doc = page(get(STAR, null));
        var response = post(FORMS, form(doc, MAIN_FORM, Map.of("hc-name", " ", "hc-website", "javascript:alert(1)",
                "hc-body", "Words I do not want to type again", "hc-action", "post")), null);

        assertEquals(400, response.statusCode());
        var page = page(response);
        assertEquals("Words I do not want to type again", page.selectFirst(MAIN_FORM + " textarea").val());
        var name = page.selectFirst(MAIN_FORM + " [name=hc-name]");
        assertEquals("true", name.attr("aria-invalid"));
        assertEquals("Please tell us your name.", page.selectFirst("#" + name.id() + "-error").text());
        assertTrue(name.attr("aria-describedby").contains(name.id() + "-error"));
        assertNotNull(page.selectFirst(MAIN_FORM + " .hc-errors[role=alert]"));
        assertEquals("Rosa Lindqvist", page.selectFirst(".hc-badge").parent().selectFirst(".hc-author").text(), "the discussion is still there");
        assertFalse(response.body().contains("Exception"));
    }

    @Test
    void previewShowsTheRenderedCommentWithoutPostingIt() throws Exception {
        var doc = page(get(STAR, null));
        var words = "Preview *me* " + UUID.randomUUID();
        var response = post(FORMS, form(doc, MAIN_FORM, Map.of("hc-name", "Pam", "hc-body", words, "hc-action", "preview")), null);
        assertEquals(200, response.statusCode());
        var page = page(response);
        assertEquals("me", page.selectFirst(MAIN_FORM + " .hc-preview em").text());
        assertEquals(words, page.selectFirst(MAIN_FORM + " textarea").val());
        assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("hc_own")), "nothing posted");
    }

    @Test
    void authorDeletesTheirOwnCommentWithoutJavaScriptAfterAQuestion() throws Exception {
        var doc = page(get(STAR, null));
        var response = post(FORMS, form(doc, MAIN_FORM, Map.of("hc-name", "Quinn", "hc-body", "Oops " + UUID.randomUUID(), "hc-action", "post")), null);
        var id = response.headers().firstValue("Location").orElseThrow().replaceFirst(".*#comment-", "");
        var cookie = ownCookie(response);
        var mine = page(get(STAR, cookie));
        var deleteForm = mine.getElementById("comment-" + id).selectFirst("form.hc-delete-form");
        assertNotNull(deleteForm, "the author may delete for a while");

        var asked = post(FORMS, Map.of("hc-thread", DemoSite.starThread(base), "hc-delete", id), cookie);
        assertEquals(200, asked.statusCode(), "the delete button first asks");
        var question = page(asked).selectFirst("form.hc-confirm-delete");
        assertEquals("Delete your comment? This cannot be undone.", question.selectFirst(".hc-question").text());
        assertTrue(question.selectFirst("a.hc-keep").attr("href").endsWith(STAR + "#comment-" + id), "Keep it leads back to the comment");
        assertNotNull(page(get(STAR, cookie)).getElementById("comment-" + id), "nothing is deleted before the answer");

        var confirm = new LinkedHashMap<String, String>();
        question.select("input[type=hidden]").forEach(input -> confirm.put(input.attr("name"), input.val()));
        confirm.put("hc-confirm", "yes");
        var deleted = post(FORMS, confirm, cookie);
        assertEquals(303, deleted.statusCode());
        assertNull(page(get(STAR, cookie)).getElementById("comment-" + id));

        var stranger = post(FORMS, Map.of("hc-thread", DemoSite.starThread(base), "hc-delete",
                doc.selectFirst("article.hc-comment").id().substring(8), "hc-confirm", "yes"), null);
        assertEquals(400, stranger.statusCode(), "nobody deletes someone else's comment");
        var strangerAsks = post(FORMS, Map.of("hc-thread", DemoSite.starThread(base), "hc-delete",
                doc.selectFirst("article.hc-comment").id().substring(8)), null);
        assertEquals(400, strangerAsks.statusCode(), "nor is asked whether to");
    }

    @Test
    void authorCorrectsTheirOwnCommentWithoutJavaScript() throws Exception {
        var doc = page(get(STAR, null));
        var response = post(FORMS, form(doc, MAIN_FORM, Map.of("hc-name", "Ray", "hc-body", "Teh typo " + UUID.randomUUID(), "hc-action", "post")), null);
        var id = response.headers().firstValue("Location").orElseThrow().replaceFirst(".*#comment-", "");
        var cookie = ownCookie(response);
        var edit = page(get(STAR + "?hc-edit=" + id, cookie));
        var editForm = edit.getElementById("hc-form-edit-" + id);
        assertNotNull(editForm, "the author gets the edit form in place of the comment");
        assertTrue(editForm.selectFirst("textarea").val().startsWith("Teh typo"));

        var fixed = "The typo, fixed " + UUID.randomUUID();
        var saved = post(FORMS, form(edit, "#hc-form-edit-" + id, Map.of("hc-body", fixed, "hc-action", "save")), cookie);
        assertEquals(303, saved.statusCode(), saved.body());
        var comment = page(get(STAR, cookie)).getElementById("comment-" + id);
        assertEquals(fixed, comment.selectFirst(".hc-body").text());
        assertNotNull(comment.selectFirst(".hc-meta:containsOwn(edited)"));
        assertNull(page(get(STAR + "?hc-edit=" + id, null)).getElementById("hc-form-edit-" + id), "nobody else gets the edit form");
    }

    @Test
    void postPageStillNeedsNoSession() throws Exception {
        var response = get(STAR, null);
        assertTrue(response.headers().allValues("set-cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")));
    }

    @Test
    void anonymousReadersShareOneRenderingWithAFreshFormTokenEachAndSeeAChangeAtOnce() throws Exception {
        // Another post than the star one: the approval below would change the counts other tests check there.
        get(QUIET, null);
        var first = get(QUIET, null);
        var second = get(QUIET, null);
        assertEquals("hit", second.headers().firstValue("X-Hearth-Cache").orElse(""), "the second reader gets the kept page");
        var firstToken = page(first).selectFirst(MAIN_FORM + " input[name=hc-form]").val();
        var secondToken = page(second).selectFirst(MAIN_FORM + " input[name=hc-form]").val();
        assertFalse(firstToken.equals(secondToken), "every reader gets a form token of their own");
        assertEquals(first.body().replace(firstToken, ""), second.body().replace(secondToken, ""), "the same page otherwise");
        assertEquals(304, http.send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(QUIET))
                .header("If-None-Match", second.headers().firstValue("ETag").orElseThrow()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "a kept page answers conditional GETs");

        var words = "Approved while kept " + UUID.randomUUID();
        var posted = post(FORMS, form(page(second), MAIN_FORM, Map.of("hc-name", "Pia", "hc-body", words, "hc-action", "post")), null);
        var location = posted.headers().firstValue("Location").orElseThrow();
        var id = location.substring(location.indexOf("#comment-") + "#comment-".length());
        assertFalse(get(QUIET, null).body().contains(words), "pending: not on the kept page");
        assertEquals(204, post("test/approve?id=" + id, Map.of(), null).statusCode());

        var after = get(QUIET, null);
        assertEquals("miss", after.headers().firstValue("X-Hearth-Cache").orElse(""), "the approval dropped the kept page");
        assertTrue(after.body().contains(words), "the approved comment shows at once");
        assertFalse(after.headers().firstValue("ETag").equals(second.headers().firstValue("ETag")), "and the page has a new tag");
        assertEquals("hit", get(QUIET, null).headers().firstValue("X-Hearth-Cache").orElse(""), "then it is kept again");
    }

    @Test
    void aReaderWithCommentsOfTheirOwnGetsAPageRenderedForThem() throws Exception {
        var doc = page(get(STAR, null));
        var response = post(FORMS, form(doc, MAIN_FORM, Map.of("hc-name", "Ola", "hc-body", "Mine alone " + UUID.randomUUID(),
                "hc-action", "post")), null);
        var mine = get(STAR, ownCookie(response));
        assertTrue(mine.headers().firstValue("X-Hearth-Cache").isEmpty(), "not from the kept pages");
        assertNotNull(page(mine).selectFirst(".hc-pending-note"), "their pending comment is on it");
        var query = get(STAR + "?hc-reply=" + doc.selectFirst("article.hc-comment").id().substring("comment-".length()), null);
        assertTrue(query.headers().firstValue("X-Hearth-Cache").isEmpty(), "a reply form is rendered for its reader");
    }

    @Test
    void aLaterPageOfTheDiscussionLeadsBackToTheEarlierOnes() throws Exception {
        var first = page(get(STAR, null));
        assertNull(first.selectFirst(".hc-earlier"), "the first page has nothing earlier");
        var later = page(get(STAR + "?hc-sort=newest&hc-page=1", null));
        var back = later.selectFirst(".hc-earlier a");
        assertNotNull(back, "a later page links back");
        assertTrue(back.attr("href").contains("?hc-sort=newest#hc-comments-t"), back.attr("href"));
    }

    @Test
    void concurrentFirstCommentsOnANewThreadAreAllStored() throws Exception {
        var thread = "/it/race/" + UUID.randomUUID();
        int writers = 8;
        int each = 6;
        var start = new CyclicBarrier(writers);
        var pool = Executors.newFixedThreadPool(writers);
        try {
            var results = new ArrayList<Future<List<HttpResponse<String>>>>();
            for (int w = 0; w < writers; w++) {
                var writer = w;
                results.add(pool.submit(() -> {
                    // A reader of its own per writer: its own cookies and its own loopback address, so that the test
                    // neither meets the rate limit nor uses up the quota of 127.0.0.1, which other tests post from.
                    var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                            .localAddress(InetAddress.getByAddress(new byte[] {127, 0, 1, (byte) (10 + writer)}))
                            .connectTimeout(Duration.ofSeconds(10)).build();
                    var answers = new ArrayList<HttpResponse<String>>();
                    for (int i = 0; i < each; i++) {
                        var token = formToken(client, thread);
                        if (i == 0) {
                            start.await(60, TimeUnit.SECONDS); // every writer's first comment at the same moment
                        }
                        var json = Json.createObjectBuilder().add("thread", thread).add("form", token).add("name", "Racer " + writer)
                                .add("body", "Comment " + i + " of racer " + writer).build().toString();
                        answers.add(client.send(HttpRequest.newBuilder(loopback().resolve("api/comments"))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                                HttpResponse.BodyHandlers.ofString()));
                    }
                    return answers;
                }));
            }
            var stored = new HashSet<Long>();
            for (var result : results) {
                for (var answer : result.get(5, TimeUnit.MINUTES)) {
                    assertEquals(201, answer.statusCode(), "every concurrent comment is taken: " + answer.body());
                    try (var reader = Json.createReader(new StringReader(answer.body()))) {
                        stored.add(reader.readObject().getJsonNumber("id").longValue());
                    }
                }
            }
            assertEquals(writers * each, stored.size());
            for (var id : stored) {
                assertEquals(204, post("test/approve?id=" + id, Map.of(), null).statusCode());
            }
            var shown = new HashSet<Long>();
            try (var reader = Json.createReader(new StringReader(get("api/comments?thread=" + URLEncoder.encode(thread, StandardCharsets.UTF_8), null).body()))) {
                reader.readObject().getJsonArray("comments").forEach(c -> shown.add(c.asJsonObject().getJsonNumber("id").longValue()));
            }
            assertEquals(stored, shown, "every comment that was answered 201 is in the discussion");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentFirstRendersOfANewPostPageAllSucceed() throws Exception {
        int readers = 12;
        var pool = Executors.newFixedThreadPool(readers);
        try {
            for (int round = 0; round < 3; round++) {
                var path = post("it/posts?title=" + URLEncoder.encode("Raced " + UUID.randomUUID(), StandardCharsets.UTF_8), Map.of(), null).body();
                var start = new CyclicBarrier(readers);
                var renders = new ArrayList<Future<HttpResponse<String>>>();
                for (int r = 0; r < readers; r++) {
                    renders.add(pool.submit(() -> {
                        start.await(60, TimeUnit.SECONDS);
                        return get(path, null);
                    }));
                }
                for (var render : renders) {
                    var page = render.get(5, TimeUnit.MINUTES);
                    assertEquals(200, page.statusCode(), "every reader of a new post gets it: " + path);
                    var doc = page(page);
                    assertNotNull(doc.selectFirst("[data-hc-share]"), "with its share bar");
                    assertNotNull(doc.selectFirst(MAIN_FORM), "and its discussion");
                }
                assertEquals(204, send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve("it/posts?path="
                        + URLEncoder.encode(path, StandardCharsets.UTF_8))).DELETE(), null).statusCode(), "unpublished again");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The test deployment's address on 127.0.0.1, which clients bound to other loopback addresses reach. */
    private URI loopback() throws URISyntaxException {
        var uri = URI.create(base.toExternalForm());
        return new URI(uri.getScheme(), null, "127.0.0.1", uri.getPort(), uri.getPath(), null, null);
    }

    /** A form token of the JSON API for this client, as embed.js gets it. */
    private String formToken(HttpClient client, String thread) throws IOException, InterruptedException, URISyntaxException {
        var response = client.send(HttpRequest.newBuilder(loopback()
                .resolve("api/comments?thread=" + URLEncoder.encode(thread, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getString("form");
        }
    }

    @Test
    void textPostedWithoutJavaScriptIsStoredAsTypedInAnyScript() throws Exception {
        var doc = page(get(STAR, null));
        var words = "Grüße, Zoë! Привет 😀 " + UUID.randomUUID();
        var response = post(FORMS, form(doc, MAIN_FORM, Map.of("hc-name", "Zoë Ñúñez", "hc-body", words, "hc-action", "post")), null);
        assertEquals(303, response.statusCode(), response.body());
        var id = response.headers().firstValue("Location").orElseThrow().replaceFirst(".*#", "");
        var comment = page(get(STAR, ownCookie(response))).getElementById(id);
        assertEquals("Zoë Ñúñez", comment.selectFirst(".hc-author").text());
        assertEquals(words, comment.selectFirst(".hc-body").text());
    }

    @Test
    void formTextThatCannotBeStoredIsRefusedBesideItsField() throws Exception {
        var doc = page(get(STAR, null));
        var hidden = form(doc, MAIN_FORM, Map.of("hc-action", "post")).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var words = "Damaged " + UUID.randomUUID();
        for (var field : List.of("name", "email", "website", "body")) {
            for (var bad : List.of("%00", "%FF", "%ED%A0%80")) { // NUL, a byte that is not UTF-8, an encoded lone surrogate
                var values = new LinkedHashMap<>(Map.of("name", "Vic", "email", "vic@example.org", "website", "vic.example", "body", words));
                values.put(field, "v" + bad + "ic" + (field.equals("email") ? "@example.org" : ""));
                var body = hidden + values.entrySet().stream().map(e -> "&hc-" + e.getKey() + "=" + (e.getKey().equals(field)
                        ? e.getValue() : URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))).collect(Collectors.joining());
                var response = postEncoded(FORMS, body, null);
                assertEquals(400, response.statusCode(), field + " with " + bad);
                var error = page(response).selectFirst(MAIN_FORM + " [id$=-" + field + "-error]");
                assertNotNull(error, "the message stands beside the " + field + " field (" + bad + ")");
                assertFalse(error.text().isBlank());
            }
        }
        assertFalse(get(STAR, null).body().contains(words), "nothing was stored");
    }

    @Test
    void eachReaderGetsTheirLanguageAndTheKeptPagesKeepOneCopyPerLanguage() throws Exception {
        var german = send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(QUIET)).header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5"), null);
        assertTrue(german.headers().firstValue("Vary").orElse("").contains("Accept-Language"), "shared caches keep a copy per language");
        assertEquals("de", page(german).selectFirst("html").attr("lang"));
        assertEquals("ltr", page(german).selectFirst("html").attr("dir"));
        assertEquals("de", page(german).selectFirst("section.hc-comments").attr("lang"), "the widget speaks its host's language");
        assertEquals("Kommentar schreiben", page(german).selectFirst("form.hc-form h3").text());

        var arabic = send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(QUIET)).header("Accept-Language", "ar"), null);
        assertEquals("rtl", page(arabic).selectFirst("html").attr("dir"));
        assertEquals("rtl", page(arabic).selectFirst("section.hc-comments").attr("dir"));
        var germanAgain = send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(QUIET)).header("Accept-Language", "de"), null);
        assertEquals("hit", germanAgain.headers().firstValue("X-Hearth-Cache").orElse(""), "the German copy is still kept");
        assertEquals("de", page(germanAgain).selectFirst("html").attr("lang"), "never another language's copy");
        assertFalse(arabic.headers().firstValue("ETag").equals(germanAgain.headers().firstValue("ETag")), "nor its validator");

        var chosen = send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(QUIET)).header("Accept-Language", "de"), "hearth-lang=fr");
        assertEquals("fr", page(chosen).selectFirst("html").attr("lang"), "the reader's choice beats the browser's");
        var forged = send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(QUIET)).header("Accept-Language", "es"), "hearth-lang=../../x");
        assertEquals("es", page(forged).selectFirst("html").attr("lang"), "a cookie naming no language of the site counts for nothing");

        var links = page(german).select("nav.languages a[hreflang]");
        assertEquals(List.of("en", "ar", "de", "es", "fr"), links.stream().map(a -> a.attr("hreflang")).toList());
        var switched = get(links.get(1).attr("href"), null);
        assertEquals(303, switched.statusCode());
        assertEquals(URI.create(base.toExternalForm()).resolve(QUIET).getPath(), URI.create(switched.headers().firstValue("Location").orElseThrow()).getPath());
        assertTrue(switched.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("hearth-lang=ar;") && c.contains("Max-Age")));
        assertEquals(400, get("language?to=xx&back=/", null).statusCode());
        assertEquals(URI.create(base.toExternalForm()).getPath(), URI.create(get("language?to=de&back=//evil.example/", null)
                .headers().firstValue("Location").orElseThrow()).getPath(), "only back to this site");

        var refused = post(FORMS, form(page(german), MAIN_FORM, Map.of("hc-name", "", "hc-body", "Hallo", "hc-action", "post")), null);
        assertEquals(400, refused.statusCode());
        assertEquals("de", page(refused).selectFirst("html").attr("lang"), "the answer to a form speaks the form's language");
        assertTrue(page(refused).title().startsWith("Ihr Kommentar wurde nicht veröffentlicht"), page(refused).title());
        assertEquals("Bitte nennen Sie uns Ihren Namen.", page(refused).selectFirst("form.hc-form [id$=-name-error]").text(), "and so does its message");
    }

    @Test
    void theEmbedsFragmentsSpeakTheLanguageTheirPageNames() throws Exception {
        var thread = URLEncoder.encode(DemoSite.starThread(base), StandardCharsets.UTF_8);
        var arabic = page(get("api/discussion?thread=" + thread + "&lang=ar-EG", null)).selectFirst("section.hc-comments");
        assertEquals("ar", arabic.attr("lang"));
        assertEquals("rtl", arabic.attr("dir"));
        assertEquals("أضف تعليقًا", arabic.selectFirst("form.hc-form h3").text());
        assertEquals("ar", arabic.selectFirst("form.hc-form input[name=hc-lang]").val(), "its form answers in Arabic too");
        assertEquals("en", page(get("api/discussion?thread=" + thread + "&lang=%22%3E%3Cscript%3E", null)).selectFirst("section.hc-comments")
                .attr("lang"), "anything else reads English");

        var foreign = send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve("api/discussion?thread=" + thread + "&lang=de"))
                .header("Origin", "https://elsewhere.example"), null);
        assertEquals(403, foreign.statusCode());
        assertTrue(page(foreign).selectFirst(".hc-notice").text().startsWith("Diese Seite (https://elsewhere.example) darf die Kommentare"),
                "a refused page's readers learn why in their language");
    }
}

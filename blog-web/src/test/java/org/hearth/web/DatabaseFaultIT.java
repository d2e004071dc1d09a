package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.json.Json;

import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embedded Derby database refuses writes for a while, as on a disk gone read-only: its files are made unwritable
 * for real ({@code chattr +i} as root, whom file modes do not stop; {@code chmod a-w} otherwise). Writes answer 503 with
 * {@code Retry-After} (a problem body from the JSON API, the friendly page from the form), {@code /health} says that
 * writes fail, and once the files are writable again writes succeed without a restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseFaultIT {

    /** The discussion's own comment form (its id carries the thread's tag). */
    private static final String MAIN_FORM = "section.hc-comments > form.hc-form";

    private static final String STAR = DemoSite.STAR_PATH;

    // A browser's cookies: the form's token is bound to the browser it was shown in.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWarForCommenting("database-fault-it").addClasses(TeamFixture.class);
    }

    @Test
    void writesAnswer503WhileTheDatabaseRefusesThemAndSucceedAgainWithoutARestart() throws Exception {
        var thread = "/it/fault/" + UUID.randomUUID();
        var form = DemoSite.formToken(base);
        var page = Jsoup.parse(send(HttpRequest.newBuilder(uri(STAR))).body());
        var facesForm = new LinkedHashMap<String, String>();
        page.select(MAIN_FORM + " input[type=hidden]").forEach(input -> facesForm.put(input.attr("name"), input.val()));
        assertEquals(201, postComment(form, thread).statusCode(), "a write before the fault");
        assertEquals(200, health().statusCode());

        var database = Path.of(System.getProperty("hearth.it.data", "target/it-data"), "derby", "hearth");
        assertTrue(Files.isDirectory(database), "the IT domain's embedded database is at " + database);
        refuseWrites(database, true);
        try {
            for (int i = 0; i < 3; i++) {
                var refused = postComment(form, thread);
                assertEquals(503, refused.statusCode(), refused.body());
                assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After");
                var problem = Json.createReader(new StringReader(refused.body())).readObject();
                assertEquals(503, problem.getInt("status"));
                assertEquals("database-unavailable", problem.getString("reason"));
                assertFalse(refused.body().contains("Exception"), "no stack trace");
            }
            var formRefused = postForm(facesForm, "During the fault " + UUID.randomUUID());
            assertEquals(503, formRefused.statusCode(), "the form without JavaScript gets the friendly page: " + formRefused.body());
            assertTrue(formRefused.headers().firstValue("Retry-After").isPresent(), "Retry-After");
            assertTrue(formRefused.body().contains("<html"), "a page, not an error dump");
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                var health = health();
                return health.statusCode() == 503 && health.body().contains("\"writes\":\"FAILING\"");
            });
        } finally {
            refuseWrites(database, false);
        }

        // Back without a restart: each try answers 201 or 503 (never an error), and soon 201.
        awaitWritesBack(form, thread);
        var fresh = new LinkedHashMap<String, String>();
        Jsoup.parse(send(HttpRequest.newBuilder(uri(STAR))).body()).select(MAIN_FORM + " input[type=hidden]")
                .forEach(input -> fresh.put(input.attr("name"), input.val()));
        assertEquals(303, postForm(fresh, "After the fault " + UUID.randomUUID()).statusCode(), "the form works again");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> health().statusCode() == 200 && health().body().contains("\"writes\":\"OK\""));
    }

    /**
     * Imported comments have their words indexed in the background, a batch per transaction; the fault comes in the
     * middle of that. Writes come back as above, and so does the indexing: every imported comment is found by its words.
     */
    @Test
    void aFaultWhileImportedCommentsAreIndexedLeavesWritesAndTheIndexingToComeBack() throws Exception {
        var admin = new ConsoleClient(base);
        admin.ensureMember("fault-admin", "ADMIN");
        assertEquals(302, admin.signIn("fault-admin", TeamFixture.PASSWORD).statusCode());
        var word = "fz" + UUID.randomUUID().toString().substring(0, 8);
        var imported = admin.upload("transfer/import?wait=true", "export.xml", export(word, 4000), "Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("fault-admin:" + TeamFixture.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(4000, Json.createReader(new StringReader(imported.body())).readObject().getInt("comments"), imported.body());
        var form = DemoSite.formToken(base);
        var thread = "/it/fault/" + UUID.randomUUID();

        // The fault comes once the first batches are indexed, and before the last one.
        var waiting = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> indexing(admin, word), left -> left < 4000);
        assertTrue(waiting > 0, "the fault comes while comments wait for their words");
        var database = Path.of(System.getProperty("hearth.it.data", "target/it-data"), "derby", "hearth");
        refuseWrites(database, true);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> postComment(form, thread).statusCode() == 503 && health().body().contains("\"writes\":\"FAILING\""));
        } finally {
            refuseWrites(database, false);
        }

        awaitWritesBack(form, thread);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> indexing(admin, word) == 0);
        var found = ConsoleClient.page(admin.get("console/moderation/search.xhtml?q=" + word + "+number+3999"));
        assertEquals(1, found.select("#comment-hits tr[id^=hit-]").size(), found.select("#comment-hits").outerHtml());
    }

    /** How many imported comments the console's search says wait for their words (0 once it says nothing). */
    private static long indexing(ConsoleClient admin, String word) throws IOException, InterruptedException {
        var page = ConsoleClient.page(admin.get("console/moderation/search.xhtml?q=" + word));
        var note = page.selectFirst("#search-indexing");
        return note == null ? 0 : Long.parseLong(note.text().replaceAll("[^0-9]", ""));
    }

    /** A WordPress export of one post with {@code count} approved comments, each with {@code word} and its number. */
    private static byte[] export(String word, int count) {
        var xml = new StringBuilder("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>Fault</title>"
                + "<link>https://" + word + ".example.org</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://" + word
                + ".example.org</wp:base_site_url>\n<wp:author><wp:author_id>1</wp:author_id><wp:author_login>" + word + "</wp:author_login></wp:author>\n"
                + "<item><title>Many comments</title><link>https://" + word + ".example.org/many</link><dc:creator>" + word + "</dc:creator>"
                + "<content:encoded>A post with many comments.</content:encoded><wp:post_id>1</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt>"
                + "<wp:post_name>many-" + word + "</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\n");
        for (int i = 0; i < count; i++) {
            xml.append("<wp:comment><wp:comment_id>").append(i + 1).append("</wp:comment_id><wp:comment_author>Reader ").append(i)
                    .append("</wp:comment_author><wp:comment_date_gmt>2024-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>Comment ")
                    .append(word).append(" number ").append(i).append(" of many.</wp:comment_content><wp:comment_approved>1</wp:comment_approved>")
                    .append("<wp:comment_parent>0</wp:comment_parent></wp:comment>\n");
        }
        return xml.append("</item></channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Posts until a comment is stored: each try answers 201 or 503 (never an error), and soon 201. */
    private void awaitWritesBack(String form, String thread) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var status = postComment(form, thread).statusCode();
            assertTrue(Set.of(201, 503).contains(status), "answered " + status);
            return status == 201;
        });
    }

    /** Makes the database's files unwritable for real, or writable again. */
    private static void refuseWrites(Path database, boolean refuse) throws IOException, InterruptedException {
        var root = "root".equals(System.getProperty("user.name"));
        var command = root ? new String[] {"chattr", "-R", refuse ? "+i" : "-i", database.toString()}
                : new String[] {"chmod", "-R", refuse ? "a-w" : "u+w", database.toString()};
        var process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), String.join(" ", command));
    }

    private URI uri(String path) {
        return URI.create(base.toExternalForm()).resolve(path);
    }

    private HttpResponse<String> health() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("health")));
    }

    private HttpResponse<String> postComment(String form, String thread) throws IOException, InterruptedException {
        var json = Json.createObjectBuilder().add("form", form).add("thread", thread).add("name", "Fay")
                .add("body", "Saved or refused " + UUID.randomUUID()).build().toString();
        return send(HttpRequest.newBuilder(uri("api/comments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> postForm(Map<String, String> hidden, String words) throws IOException, InterruptedException {
        var fields = new LinkedHashMap<>(hidden);
        fields.putAll(Map.of("hc-name", "Gil", "hc-body", words, "hc-action", "post"));
        var body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri("api/discussion")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

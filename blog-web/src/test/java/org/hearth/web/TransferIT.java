package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.hearth.blog.post.Post;
import org.hearth.blog.transfer.Wxr;
import org.hearth.blog.transfer.WxrReader;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Imports through {@code /transfer/import} into the real WAR, as {@code bin/hearth import} and the console page do:
 * a hand-written WordPress export with every kind of post and comment, its old addresses, a second and a newer import,
 * and the refusals (no admin, another site's page, a file that is not an export, a DTD).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransferIT {

    private static final String ADMIN = "transfer-admin";
    private static final String AUTHOR = "transfer-author";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path DISQUS = Path.of("../blog-domain/src/test/resources/org/hearth/blog/transfer/small-disqus.xml");
    private static final Path GENUINE = Path.of("src/test/wordpress/wordpress-export.xml");
    private static final Path HEARTH_EXPORT = Path.of("target/wordpress/hearth-export.xml");
    private static final Path FIXTURE = Path.of("../blog-domain/src/test/resources/org/hearth/blog/transfer/small-wordpress.xml");

    /** The summary of the first import of the fixture (one per test run). */
    private static JsonObject firstImport;

    @Deployment
    static WebArchive deployment() {
        return Deployments.hearthWar("transfer-it", TeamFixture.class, CommentFixture.class);
    }

    @ArquillianResource
    private URL base;

    /** The fixture made unique to this run: its site and post slugs carry the run's id. */
    private static byte[] export(String extraComment) throws IOException {
        var xml = Files.readString(FIXTURE, StandardCharsets.UTF_8)
                .replace("old-garden.example.org", "old-garden-" + RUN + ".example.org")
                .replace("tomatoes-in-may", "tomatoes-in-may-" + RUN)
                .replace("harvest-festival", "harvest-festival-" + RUN)
                .replace("notes-to-self", "notes-to-self-" + RUN);
        if (extraComment != null) {
            xml = xml.replace("<wp:comment><wp:comment_id>26</wp:comment_id>", extraComment + "<wp:comment><wp:comment_id>26</wp:comment_id>");
        }
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A WordPress export of the site at {@code site} whose one post, item 911 "A long story" at line 3, is longer than a
     * post may be: the import ends, with that post among its errors.
     */
    static byte[] exportWithATooLongPost(String site) {
        return ("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>Too long</title><link>" + site + "</link>"
                + "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>" + site + "</wp:base_site_url>\n"
                + "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>long-story-teller</wp:author_login></wp:author>\n"
                + "<item><title>A long story</title><dc:creator>long-story-teller</dc:creator><content:encoded>" + "x".repeat(Post.MARKDOWN_MAX + 1)
                + "</content:encoded><wp:post_id>911</wp:post_id><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>"
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private ConsoleClient admin() throws IOException, InterruptedException {
        var client = new ConsoleClient(base);
        client.ensureMember(ADMIN, "ADMIN");
        client.ensureMember(AUTHOR, "AUTHOR");
        return client;
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> importAsAdmin(ConsoleClient client, byte[] export) throws IOException, InterruptedException {
        return client.upload("transfer/import?wait=true", "export.xml", export, "Authorization", basic(ADMIN, TeamFixture.PASSWORD));
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private synchronized JsonObject imported() throws IOException, InterruptedException {
        if (firstImport == null) {
            var response = importAsAdmin(admin(), export(null));
            assertEquals(200, response.statusCode(), response.body());
            firstImport = json(response);
        }
        return firstImport;
    }

    @Test
    void aWordPressExportBringsItsPostsCommentsAndAuthorsAndTalliesWhatItSkipped() throws Exception {
        var summary = imported();
        assertEquals("done", summary.getString("state"), summary.toString());
        assertEquals(4, summary.getInt("posts"), "published, draft, scheduled and private posts");
        assertEquals(6, summary.getInt("comments"), "approved, pending and spam comments");
        assertEquals(2, summary.getInt("pings"), "a pingback and a trackback");
        assertEquals(2, summary.getInt("trashed"), "a trashed post and a trashed comment");
        assertEquals(1, summary.getInt("otherItems"), "a page");
        assertEquals(0, summary.getInt("errorCount"), summary.toString());
        assertEquals(100, summary.getInt("percent"));
    }

    @Test
    void anImportedPostLooksAsItDidInWordPressWithItsThreadedDiscussion() throws Exception {
        imported();
        var page = Jsoup.parse(new ConsoleClient(base).open("posts/tomatoes-in-may-" + RUN).body());
        var body = page.selectFirst("article");
        assertNotNull(body.selectFirst("figure img[alt=A tomato] + figcaption"), "the [caption] shortcode is a figure");
        assertEquals("Our first tomato", body.selectFirst("figcaption").text());
        assertNull(page.selectFirst("article script"), "sanitized like every body");
        assertFalse(page.html().contains("wp:paragraph"), "block comments are gone");
        assertTrue(page.text().contains("Inès Moreau"), "the author became a team member with their name");

        var comments = page.select("[id^=comment-]");
        var rosa = comment(comments, "How deep is deep?");
        assertEquals("0", rosa.attr("data-depth"));
        assertNotNull(rosa.selectFirst("em"), "a comment's HTML keeps its emphasis");
        var authorReply = comment(comments, "Up to the first leaves.");
        assertEquals("1", authorReply.attr("data-depth"));
        assertTrue(authorReply.parents().contains(rosa), "the reply sits inside its parent");
        assertEquals("Author", authorReply.selectFirst(".hc-badge").text(), "the post's author replied: the Author badge");
        var lookalike = comment(comments, "Even the stem?");
        assertTrue(lookalike.parents().contains(authorReply));
        assertTrue(lookalike.text().contains("Rosa"), "invisible characters are taken out of a name, as from a typed one");
        assertFalse(lookalike.html().contains("\u200B"), "no zero-width space is left in the name");
        assertFalse(lookalike.html().contains("javascript:"), "a website that is not http(s) is dropped");
        var teamReply = comment(comments, "Yes, the stem too.");
        assertEquals("Team", teamReply.selectFirst(".hc-badge").text(), "another author of the blog replied: the Team badge");
        assertFalse(page.text().contains("Thank you both!"), "a pending comment waits for moderation");
        assertFalse(page.text().contains("Buy now"), "spam stays hidden");
        assertFalse(page.text().contains("I take it back"), "trash is not imported");
        assertFalse(page.text().contains("a link to you"), "pingbacks are not imported");
    }

    /** The innermost comment element that holds this text. */
    private static org.jsoup.nodes.Element comment(org.jsoup.select.Elements comments, String text) {
        return comments.stream().filter(c -> c.text().contains(text)).reduce((outer, inner) -> inner).orElseThrow(() -> new AssertionError(text));
    }

    @Test
    void draftsScheduledAndPrivatePostsStayHiddenFromReaders() throws Exception {
        imported();
        var client = new ConsoleClient(base);
        assertEquals(404, client.get("posts/harvest-festival-" + RUN).statusCode(), "scheduled for 2099");
        assertEquals(404, client.get("posts/notes-to-self-" + RUN).statusCode(), "private");
        assertEquals(404, client.get("archives/12").statusCode(), "the draft's old address leads nowhere a reader can see");
        assertEquals(200, client.get("?p=12").statusCode(), "the home page, as WordPress answers an unknown ?p=");
    }

    @Test
    void oldAddressesAnswerWithPermanentRedirectsToTheNewOnes() throws Exception {
        imported();
        var client = new ConsoleClient(base);
        var post = "/posts/tomatoes-in-may-" + RUN;
        var expected = Map.of(
                "2024/05/01/tomatoes-in-may-" + RUN + "/", post,
                "2024/05/tomatoes-in-may-" + RUN + "/", post,
                "tomatoes-in-may-" + RUN + "/", post,
                "?p=11", post,
                "archives/11", post,
                "2024/05/01/tomatoes-in-may-" + RUN + "/feed/", "/feeds/comments/tomatoes-in-may-" + RUN + ".atom",
                "category/vegetables/", "/tags/vegetables",
                "tag/tomatoes/", "/tags/tomatoes",
                "feed/", "/feeds/posts.rss");
        for (var entry : expected.entrySet()) {
            var response = client.get(entry.getKey());
            assertEquals(301, response.statusCode(), entry.getKey());
            assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith("transfer-it" + entry.getValue())
                    || response.headers().firstValue("Location").orElseThrow().endsWith(entry.getValue()), entry.getKey());
        }
        assertEquals(200, client.get("posts/tomatoes-in-may-" + RUN).statusCode(), "Hearth's own addresses are never shadowed");
        assertEquals(404, client.get("2024/05/01/never-was/").statusCode());
    }

    @Test
    void theSameExportAgainAddsNothingAndANewerOneOnlyWhatIsNew() throws Exception {
        imported();
        var client = admin();
        var again = json(importAsAdmin(client, export(null)));
        assertEquals(0, again.getInt("posts"), again.toString());
        assertEquals(4, again.getInt("postsPresent"));
        assertEquals(0, again.getInt("comments"));
        assertEquals(6, again.getInt("commentsPresent"));

        var newer = json(importAsAdmin(client, export("<wp:comment><wp:comment_id>30</wp:comment_id><wp:comment_author>Maya</wp:comment_author>"
                + "<wp:comment_date_gmt>2024-05-05 08:00:00</wp:comment_date_gmt><wp:comment_content>Mine are red now.</wp:comment_content>"
                + "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>24</wp:comment_parent></wp:comment>")));
        assertEquals(1, newer.getInt("comments"), newer.toString());
        assertEquals(6, newer.getInt("commentsPresent"));
        var page = client.open("posts/tomatoes-in-may-" + RUN).body();
        assertTrue(page.contains("Mine are red now."), "the new reply joined the discussion");
    }

    @Test
    void onlyAnAdminMayImportAndNeverFromAnotherSitesPage() throws Exception {
        var client = admin();
        var export = export(null);
        var anonymous = client.upload("transfer/import", "export.xml", export);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertEquals(401, client.upload("transfer/import", "export.xml", export, "Authorization", basic(ADMIN, "wrong password!")).statusCode());
        assertEquals(403, client.upload("transfer/import", "export.xml", export, "Authorization", basic(AUTHOR, TeamFixture.PASSWORD)).statusCode());
        assertEquals(403, client.upload("transfer/import", "export.xml", export, "Authorization", basic(ADMIN, TeamFixture.PASSWORD),
                "Origin", "https://evil.example").statusCode(), "SiteProtection refuses another site's page");

        client.signIn(AUTHOR, TeamFixture.PASSWORD);
        assertEquals(403, client.get("console/transfer/index.xhtml").statusCode(), "the console page is for admins");
    }

    @Test
    void anAdminUploadsFromTheConsoleAndFollowsTheImportOnItsPage() throws Exception {
        imported();
        var client = admin();
        client.signIn(ADMIN, TeamFixture.PASSWORD);
        var form = ConsoleClient.page(client.open("console/transfer/index.xhtml"));
        assertNotNull(form.selectFirst("form#import-form[enctype=multipart/form-data] label[for=import-file] + input#import-file[type=file]"));
        var upload = client.upload("transfer/import", "export.xml", export(null), "Accept", "text/html");
        assertEquals(303, upload.statusCode(), upload.body());
        var followed = ConsoleClient.page(client.open(upload.headers().firstValue("Location").orElseThrow()));
        assertNotNull(followed.selectFirst("#import-job"));
        var done = followed;
        for (int i = 0; i < 1000 && done.selectFirst("#import-progress") != null; i++) {
            done = ConsoleClient.page(client.open(upload.headers().firstValue("Location").orElseThrow()));
        }
        assertEquals("0", done.selectFirst("#summary-posts").text(), "imported before");
        assertEquals("4 / 6", done.selectFirst("#summary-present").text().strip());
    }

    @Test
    void aGenuineWordPressExportArrivesAsItLookedThere() throws Exception {
        var client = admin();
        var summary = json(importAsAdmin(client, Files.readAllBytes(GENUINE)));
        assertEquals("done", summary.getString("state"), summary.toString());
        assertEquals(6, summary.getInt("posts") + summary.getInt("postsPresent"), "Hello world, two published, scheduled, draft, private");
        assertEquals(9, summary.getInt("comments") + summary.getInt("commentsPresent"), summary.toString());
        assertEquals(2, summary.getInt("pings"));
        assertEquals(2, summary.getInt("trashed"), "a trashed post and a trashed comment");
        assertEquals(2, summary.getInt("otherItems"), "WordPress's sample page and privacy policy");
        assertEquals(0, summary.getInt("errorCount"), summary.toString());

        var page = Jsoup.parse(client.open("2024/05/01/tomatoes-in-may/").body());
        assertEquals("Our first tomato", page.selectFirst("article figure img[alt=A ripe tomato] ~ figcaption").text(), "a block image");
        var comments = page.select("[id^=comment-]");
        var deepest = comment(comments, "Knee-high by June, then.");
        assertTrue(Integer.parseInt(deepest.attr("data-depth")) >= 3, "a discussion five replies deep stays threaded");
        assertEquals("Author", comment(comments, "Up to the first leaves.").selectFirst(".hc-badge").text());

        var classic = Jsoup.parse(client.open("2024/02/10/seeds-to-order/").body()).selectFirst("article");
        assertEquals("Last year's packets", classic.selectFirst("figure figcaption").text(), "a [caption] shortcode");
        assertNotNull(classic.selectFirst("p br"), "single newlines are line breaks, as WordPress showed them");

        // Hearth's export of the blog, which src/test/wordpress/check-import.sh gives WordPress's own importer.
        var export = client.get("transfer/export", "Authorization", basic(ADMIN, TeamFixture.PASSWORD));
        assertEquals(200, export.statusCode());
        assertTrue(export.body().contains("tomatoes-in-may"), "the imported post is exported");
        Files.createDirectories(HEARTH_EXPORT.getParent());
        Files.writeString(HEARTH_EXPORT, export.body(), StandardCharsets.UTF_8);
    }

    @Test
    void disqusCommentsJoinThePostAtTheirOldAddressOrAWidgetThreadAndTheRestIsListed() throws Exception {
        imported();
        var client = admin();
        var guestbook = "widget-page-guestbook-" + RUN;
        assertEquals(200, client.post("it/comments", Map.of("thread", guestbook, "count", "0"), null).statusCode());
        var export = Files.readString(DISQUS, StandardCharsets.UTF_8)
                .replace("old-garden.example.org", "old-garden-" + RUN + ".example.org")
                .replace("tomatoes-in-may", "tomatoes-in-may-" + RUN)
                .replace("widget-page-guestbook", guestbook).getBytes(StandardCharsets.UTF_8);
        var summary = json(importAsAdmin(client, export));
        assertEquals("done", summary.getString("state"), summary.toString());
        assertEquals(4, summary.getInt("comments"), "two on the post, one spam, one in the guestbook");
        assertEquals(1, summary.getInt("trashed"), "a deleted post");
        assertEquals(1, summary.getJsonArray("unmatchedThreads").size(), summary.toString());
        assertTrue(summary.getJsonArray("unmatchedThreads").getString(0).contains("/lost-page/"));

        var page = Jsoup.parse(client.open("posts/tomatoes-in-may-" + RUN).body());
        var comments = page.select("[id^=comment-]");
        var lena = comment(comments, "Disqus says: great tomatoes.");
        assertNull(lena.selectFirst("b"), "its HTML sanitized as a typed comment's: no <b>, its text kept");
        assertTrue(comment(comments, "Agreed, Lena.").parents().contains(lena), "a Disqus reply keeps its parent");
        assertFalse(page.text().contains("Cheap watches"));
        var widget = client.get("api/comments?thread=" + guestbook);
        assertTrue(widget.body().contains("Lovely guestbook."), widget.body());

        var again = json(importAsAdmin(client, export));
        assertEquals(0, again.getInt("comments"), "the same export again adds nothing");
        assertEquals(4, again.getInt("commentsPresent"));
    }

    @Test
    void anExportImportsAgainAsTheSamePostsAddressesCommentsAndThreads() throws Exception {
        imported();
        var client = admin();
        var auth = basic(ADMIN, TeamFixture.PASSWORD);
        assertEquals(401, client.get("transfer/export").statusCode(), "only an admin may export");
        var export = client.get("transfer/export", "Authorization", auth);
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));

        // What the export holds of the imported post, read as any WordPress export is.
        var slug = "tomatoes-in-may-" + RUN;
        Wxr.Item original;
        try (var reader = new WxrReader(new java.io.ByteArrayInputStream(export.body().getBytes(StandardCharsets.UTF_8)))) {
            Wxr.Item found = null;
            for (Wxr.Entry entry; (entry = reader.next()) != null; ) {
                if (entry instanceof Wxr.Item item && slug.equals(item.slug())) {
                    found = item;
                }
            }
            original = found;
        }
        assertNotNull(original, "the imported post is in the export");
        assertEquals("publish", original.status());
        assertTrue(original.terms().stream().anyMatch(t -> t.slug().equals("tomatoes")));

        // Imported again (as a site of its own), it comes back with the same discussion, threads and badges. Only this
        // post goes back in: the other tests' posts share the database, and copies of them would change their pages.
        var onlyThisPost = java.util.regex.Pattern.compile("(?s)<item>.*?</item>\\s*").matcher(export.body())
                .replaceAll(item -> (item.group().contains("<wp:post_name><![CDATA[" + slug + "]]></wp:post_name>")
                        || item.group().contains("<wp:post_name>" + slug + "</wp:post_name>"))
                        ? java.util.regex.Matcher.quoteReplacement(item.group()) : "");
        var again = json(importAsAdmin(client, onlyThisPost.replace(base.toExternalForm().replaceAll("/$", ""), "https://copy-" + RUN + ".example.org")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("done", again.getString("state"), again.toString());
        assertEquals(0, again.getInt("errorCount"), again.toString());
        var copy = Jsoup.parse(client.open("posts/" + slug + "-2").body());
        var first = Jsoup.parse(client.open("posts/" + slug).body());
        assertEquals(first.select("article figure figcaption").text(), copy.select("article figure figcaption").text());
        var originalComments = first.select("[id^=comment-]");
        var copiedComments = copy.select("[id^=comment-]");
        assertEquals(originalComments.size(), copiedComments.size(), "the same comments");
        for (var text : List.of("How deep is deep?", "Up to the first leaves.", "Even the stem?", "Yes, the stem too.")) {
            assertEquals(comment(originalComments, text).attr("data-depth"), comment(copiedComments, text).attr("data-depth"), text);
            assertEquals(String.valueOf(comment(originalComments, text).selectFirst(".hc-badge")),
                    String.valueOf(comment(copiedComments, text).selectFirst(".hc-badge")), text);
        }

        var threads = client.get("transfer/export/threads.json", "Authorization", auth);
        assertEquals(200, threads.statusCode());
        assertTrue(threads.body().startsWith("{\"threads\":["), threads.body());
    }

    @Test
    void anImportsFailureAndErrorsAreReadInTheLanguageOfWhoeverLooksAtTheJobLater() throws Exception {
        var client = admin();
        var failed = json(importAsAdmin(client, "<html><body>Not an export</body></html>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("failed", failed.getString("state"));
        assertTrue(failed.getString("failure").contains("found <html> at line 1"), "programs read English: " + failed);
        assertEquals("not_wordpress_found", failed.getString("failureReason"));

        var partly = json(importAsAdmin(client, exportWithATooLongPost("https://too-long-" + RUN + ".example.org")));
        assertEquals("done", partly.getString("state"), partly.toString());
        assertEquals("item 911 (A long story) at line 3: its body is longer than 200000 characters", partly.getJsonArray("errors").getString(0));

        var reader = admin();
        reader.signIn(ADMIN, TeamFixture.PASSWORD);
        assertEquals(303, reader.get("language?to=ar&back=/").statusCode());
        var page = ConsoleClient.page(reader.open("console/transfer/index.xhtml?job=" + failed.getString("id")));
        assertEquals("rtl", page.selectFirst("html").attr("dir"));
        var failure = page.selectFirst("#import-failure").text();
        assertTrue(failure.startsWith("هذا ليس تصديرًا من WordPress") && failure.contains("<html>"), failure);
        var error = ConsoleClient.page(reader.open("console/transfer/index.xhtml?job=" + partly.getString("id"))).selectFirst("#import-errors li").text();
        assertTrue(error.startsWith("المقال 911 «A long story» (<item>) في السطر") && error.contains("نصه أطول من"), error);

        assertEquals(303, reader.get("language?to=de&back=/").statusCode());
        failure = ConsoleClient.page(reader.open("console/transfer/index.xhtml?job=" + failed.getString("id"))).selectFirst("#import-failure").text();
        assertTrue(failure.startsWith("Das ist kein WordPress-Export") && failure.endsWith("gefunden wurde <html> in Zeile 1."), failure);
    }

    @Test
    void aCommentTheWidgetRefusesIsNamedAndSaidInTheLanguageOfWhoeverReadsTheJob() throws Exception {
        // The widget's own refusal (10,000 characters at most: not a rule of posts), in its words for the page's language.
        var site = "https://refused-" + RUN + ".example.org";
        var export = ("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>Refused</title><link>" + site + "</link>"
                + "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>" + site + "</wp:base_site_url>\n"
                + "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>refused-teller</wp:author_login></wp:author>\n"
                + "<item><title>Names</title><dc:creator>refused-teller</dc:creator><content:encoded>Names matter.</content:encoded>"
                + "<wp:post_id>77</wp:post_id><wp:post_name>names-" + RUN + "</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>\n"
                + "<wp:comment><wp:comment_id>7</wp:comment_id><wp:comment_author>Bo</wp:comment_author>"
                + "<wp:comment_date_gmt>2024-05-05 08:00:00</wp:comment_date_gmt><wp:comment_content>" + "x".repeat(10_001) + "</wp:comment_content>"
                + "<wp:comment_approved>1</wp:comment_approved></wp:comment>\n"
                + "<wp:comment><wp:comment_id>8</wp:comment_id><wp:comment_author>Ana</wp:comment_author>"
                + "<wp:comment_date_gmt>2024-05-05 09:00:00</wp:comment_date_gmt><wp:comment_content>A fine name.</wp:comment_content>"
                + "<wp:comment_approved>1</wp:comment_approved></wp:comment></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        var client = admin();
        var job = json(importAsAdmin(client, export));
        assertEquals("done", job.getString("state"), job.toString());
        assertEquals(1, job.getInt("comments"), "the other comment is imported: " + job);
        var english = job.getJsonArray("errors").getString(0);
        assertTrue(english.startsWith("wp:comment 7 at line 4: A comment can be at most "), "programs read English: " + english);

        var reader = admin();
        reader.signIn(ADMIN, TeamFixture.PASSWORD);
        assertEquals(303, reader.get("language?to=ar&back=/").statusCode());
        var error = ConsoleClient.page(reader.open("console/transfer/index.xhtml?job=" + job.getString("id"))).selectFirst("#import-errors li").text();
        assertTrue(error.startsWith("التعليق 7 (<wp:comment>) في السطر 4: لا يتجاوز التعليق "), error);
        assertEquals(303, reader.get("language?to=de&back=/").statusCode());
        error = ConsoleClient.page(reader.open("console/transfer/index.xhtml?job=" + job.getString("id"))).selectFirst("#import-errors li").text();
        assertTrue(error.startsWith("Kommentar 7 (<wp:comment>) in Zeile 4: Ein Kommentar darf höchstens "), error);
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedWholeAndADtdIsNeverRead() throws Exception {
        var client = admin();
        var feed = json(importAsAdmin(client, "<rss version=\"2.0\"><channel><title>A feed</title></channel></rss>".getBytes(StandardCharsets.UTF_8)));
        assertEquals("failed", feed.getString("state"));
        assertTrue(feed.getString("failure").contains("not a WordPress export"), feed.toString());
        assertEquals(0, feed.getInt("posts"));

        var xxe = json(importAsAdmin(client, ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>&x;</title><wp:wxr_version>1.2</wp:wxr_version></channel></rss>")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("failed", xxe.getString("state"));
        assertTrue(xxe.getString("failure").contains("DTD"), xxe.toString());
        assertFalse(xxe.toString().contains("root:"), "nothing of the file was read");
    }
}

package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Moderation in the thread: a signed-in team member approves, marks as spam, deletes (after a question) and replies on
 * the post page itself, in headless Chromium with JavaScript and without; and every decision nobody on the team may
 * take (a reader's, another site's page's, one with a stale or foreign form token) is refused with 403 and changes
 * nothing; two decisions on one comment at once decide once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreadModerationIT {

    private WebDriver browser;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWarForCommenting("thread-moderation-it").addClasses(TeamFixture.class, CommentFixture.class, PostFixture.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** A new post with three comments that await moderation, by Reader 0, 1 and 2, oldest first. */
    private record PostThread(String path, String key, long oldest, long middle, long newest) {
    }

    private PostThread threadWithThreeWaiting(ConsoleClient client) throws Exception {
        var path = client.post("it/posts", Map.of("title", "Moderated here " + UUID.randomUUID().toString().substring(0, 8)), null).body();
        var key = ConsoleClient.page(client.get(path)).selectFirst("[data-hc-share]").attr("data-hc-share");
        // Posted by a client not signed in (the fixture would post as the team member), one call: equal bodies are refused.
        var response = new ConsoleClient(base).post("it/comments", Map.of("thread", key, "count", "3"), null);
        assertEquals(200, response.statusCode(), response.body());
        var ids = response.body().lines().map(Long::parseLong).toList();
        return new PostThread(path, key, ids.get(0), ids.get(1), ids.get(2));
    }

    private ConsoleClient signedIn(String username) throws Exception {
        var client = new ConsoleClient(base);
        client.ensureMember(username, "MODERATOR");
        assertEquals(302, client.signIn(username, TeamFixture.PASSWORD).statusCode());
        return client;
    }

    private void signInBrowser(String username) {
        browser.get(base.toExternalForm() + "sign-in.xhtml");
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(TeamFixture.PASSWORD);
        browser.findElement(By.id("signin:go")).click();
        waiting().until(ExpectedConditions.urlContains("/console/"));
    }

    private WebDriverWait waiting() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private WebElement article(long id) {
        return browser.findElement(By.id("comment-" + id));
    }

    private WebElement heading() {
        return browser.findElement(By.cssSelector("section.hc-comments h2"));
    }

    private boolean present(long id) {
        return !browser.findElements(By.id("comment-" + id)).isEmpty();
    }

    private String focusedId() {
        return browser.switchTo().activeElement().getDomAttribute("id");
    }

    /** The decisions recorded on a comment, as the console's moderation queue lists them ("Approved · Name · when"). */
    private static List<String> history(ConsoleClient team, PostThread thread, long id) throws Exception {
        var queue = ConsoleClient.page(team.open("console/moderation/index.xhtml?filter=all&post=" + thread.key()));
        return queue.select("#queued-" + id + " ul.history li").eachText();
    }

    private static Document page(HttpResponse<String> response) {
        return ConsoleClient.page(response);
    }

    @Test
    void withJavaScriptATeamMemberApprovesSpamsDeletesAndRepliesInPlace() throws Exception {
        var team = signedIn("it-thread-js");
        var thread = threadWithThreeWaiting(team);
        browser = Browsers.headlessChromium();
        signInBrowser("it-thread-js");
        browser.get(base.toExternalForm() + thread.path());

        for (var id : List.of(thread.oldest(), thread.middle(), thread.newest())) {
            assertTrue(article(id).getText().contains("Awaiting moderation: only the team sees this comment."), "shown to the team, marked");
        }
        Screenshots.keep(browser, "thread-moderation-desktop");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at 390 px");
        Screenshots.keep(browser, "thread-moderation-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        var live = By.cssSelector("section.hc-comments .hc-live");
        article(thread.oldest()).findElement(By.cssSelector("button[aria-label=\"Approve Reader 0's comment\"]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(live, "Reader 0's comment is approved."));
        assertEquals("Reader 0's comment is approved. 1 comment", browser.findElement(live).getText(), "the new count said once, with the decision");
        assertEquals("1 comment", heading().getText(), "the heading counts it at once");
        assertFalse(article(thread.oldest()).getDomAttribute("class").contains("hc-pending"));
        assertTrue(article(thread.oldest()).findElements(By.cssSelector(".hc-approve")).isEmpty(), "approved: nothing left to approve");
        assertEquals("comment-" + thread.oldest(), focusedId(), "the focus stays on the comment");

        article(thread.middle()).findElement(By.cssSelector("button[aria-label=\"Mark Reader 1's comment as spam\"]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(live, "Reader 1's comment is marked as spam."));
        assertEquals("Reader 1's comment is marked as spam.", browser.findElement(live).getText(), "an unchanged count is not said again");
        assertEquals("1 comment", heading().getText());
        assertFalse(present(thread.middle()), "gone from the thread");
        assertEquals("comment-" + thread.newest(), focusedId(), "the focus moves to the comment after it");

        article(thread.newest()).findElement(By.cssSelector("button[aria-label=\"Delete Reader 2's comment\"]")).click();
        var question = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#comment-" + thread.newest() + " .hc-question")));
        assertEquals("Delete Reader 2's comment? Readers will no longer see it.", question.getText());
        assertTrue(present(thread.newest()), "asking deletes nothing");
        Screenshots.keep(browser, "thread-moderation-question");
        article(thread.newest()).findElement(By.cssSelector("a.hc-keep")).click();
        assertTrue(article(thread.newest()).findElement(By.cssSelector("button.hc-moderate-delete")).isDisplayed(), "kept: the controls are back");
        article(thread.newest()).findElement(By.cssSelector("button.hc-moderate-delete")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#comment-" + thread.newest() + " .hc-confirm-delete button"))).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(live, "Reader 2's comment is deleted."));
        assertFalse(present(thread.newest()));

        article(thread.oldest()).findElement(By.cssSelector("a.hc-reply")).click();
        var form = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hc-form-" + thread.oldest())));
        assertEquals("Replying as IT it-thread-js (team)", form.findElement(By.cssSelector(".hc-writing-as")).getText());
        assertTrue(form.findElements(By.cssSelector("[name=hc-name], [name=hc-email], [name=hc-website], [name=hc-notify]")).isEmpty(),
                "no fields the team would fill in vain");
        form.findElement(By.name("hc-body")).sendKeys("Welcome, Ana! Glad you are here.");
        form.findElement(By.cssSelector("button.hc-post-button")).click();
        var reply = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//article[@data-depth='1'][contains(.,'Welcome, Ana!')]")));
        assertTrue(List.of("Team", "Author").contains(reply.findElement(By.cssSelector(".hc-badge")).getText()), "the team's badge (Author on their own post)");
        assertEquals("IT it-thread-js", reply.findElement(By.cssSelector(".hc-author")).getText());
        waiting().until(ExpectedConditions.textToBe(By.cssSelector("section.hc-comments h2"), "2 comments"));
        assertTrue(browser.findElement(live).getText().endsWith(" 2 comments"), browser.findElement(live).getText());

        var reader = page(new ConsoleClient(base).get(thread.path()));
        assertNotNull(reader.getElementById("comment-" + thread.oldest()), "readers see the approved comment");
        assertNull(reader.getElementById("comment-" + thread.middle()));
        assertNull(reader.getElementById("comment-" + thread.newest()));
        assertTrue(reader.select("form.hc-moderate-form, [name=hc-moderate]").isEmpty(), "a reader's page has no moderation controls");
        assertEquals(List.of("Approved", "Marked as spam", "Deleted"), List.of(history(team, thread, thread.oldest()), history(team, thread, thread.middle()),
                history(team, thread, thread.newest())).stream().map(h -> h.getFirst().split(" · ")[0]).toList());
        assertTrue(history(team, thread, thread.oldest()).getFirst().contains("IT it-thread-js"), "the acting member is recorded");

        assertEquals(List.of(), AxeCheck.violations(browser, List.of(base.toExternalForm() + thread.path())));
    }

    @Test
    void withoutJavaScriptEachDecisionIsAFormThatComesBackToTheThread() throws Exception {
        var team = signedIn("it-thread-plain");
        var thread = threadWithThreeWaiting(team);
        browser = Browsers.headlessChromium(false);
        signInBrowser("it-thread-plain");
        browser.get(base.toExternalForm() + thread.path());

        article(thread.oldest()).findElement(By.cssSelector("button.hc-approve")).click();
        waiting().until(ExpectedConditions.urlContains("#comment-" + thread.oldest()));
        assertFalse(article(thread.oldest()).getDomAttribute("class").contains("hc-pending"));

        article(thread.middle()).findElement(By.cssSelector("button.hc-spam")).click();
        waiting().until(ExpectedConditions.urlContains("#comment-" + thread.newest()));
        assertFalse(present(thread.middle()), "spam: gone, and the page opens at the comment after it");

        article(thread.newest()).findElement(By.cssSelector("button.hc-moderate-delete")).click();
        var question = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hc-question")));
        assertEquals("Delete Reader 2's comment? Readers will no longer see it.", question.getText());
        browser.findElement(By.cssSelector(".hc-confirm-delete button[name=hc-confirm]")).click();
        waiting().until(ExpectedConditions.urlContains(thread.path()));
        assertFalse(present(thread.newest()));

        article(thread.oldest()).findElement(By.cssSelector("a.hc-reply")).click();
        var form = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hc-form-" + thread.oldest())));
        assertEquals("Replying as IT it-thread-plain (team)", form.findElement(By.cssSelector(".hc-writing-as")).getText());
        assertTrue(form.findElements(By.cssSelector("[name=hc-name], [name=hc-email]")).isEmpty());
        form.findElement(By.name("hc-body")).sendKeys("Thanks, Ana.");
        form.findElement(By.cssSelector("button.hc-post-button")).click();
        var reply = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//article[@data-depth='1'][contains(.,'Thanks, Ana.')]")));
        assertTrue(List.of("Team", "Author").contains(reply.findElement(By.cssSelector(".hc-badge")).getText()), "the team's badge (Author on their own post)");
        assertEquals(List.of("Approved", "Marked as spam", "Deleted"), List.of(history(team, thread, thread.oldest()), history(team, thread, thread.middle()),
                history(team, thread, thread.newest())).stream().map(h -> h.getFirst().split(" · ")[0]).toList());
    }

    /** The fields of a comment's moderation form on this page, with this decision. */
    private static Map<String, String> decision(Document page, long id, String verb) {
        var form = page.selectFirst("#comment-" + id + " form.hc-moderate-form");
        assertNotNull(form, "the team member's page has the controls of comment " + id);
        var fields = new LinkedHashMap<String, String>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        fields.put("hc-moderate", verb);
        return fields;
    }

    private static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response.body());
        assertTrue(response.body().contains("\"reason\":\"" + reason + "\""), response.body());
    }

    private long approvedCount(PostThread thread) throws Exception {
        var counts = new ConsoleClient(base).get("api/counts?thread=" + thread.key()).body();
        return Long.parseLong(counts.replaceAll(".*:\\s*(\\d+).*", "$1").strip());
    }

    @Test
    void decisionsNobodyOnTheTeamMayTakeAreRefusedWith403AndChangeNothing() throws Exception {
        var team = signedIn("it-thread-guard");
        var thread = threadWithThreeWaiting(team);
        var teamPage = page(team.get(thread.path()));
        var approve = decision(teamPage, thread.oldest(), "approve");

        var reader = new ConsoleClient(base);
        var readerPage = page(reader.get(thread.path()));
        assertNull(readerPage.selectFirst("form.hc-moderate-form"), "no controls for a reader");
        var readersToken = readerPage.selectFirst("input[name=hc-form]").val();
        var forged = new LinkedHashMap<>(approve);
        forged.put("hc-form", readersToken);
        assertRefused(reader.post("api/discussion", forged, null), 403, "not-team");

        assertRefused(team.post("api/discussion", approve, "https://attacker.example"), 403, "cross-site");

        var foreign = new LinkedHashMap<>(approve);
        foreign.put("hc-form", readersToken);
        assertRefused(team.post("api/discussion", foreign, null), 403, "form-expired");
        var tampered = new LinkedHashMap<>(approve);
        tampered.put("hc-form", approve.get("hc-form").replaceFirst("^\\d", "9"));
        assertRefused(team.post("api/discussion", tampered, null), 403, "form-expired");
        var none = new LinkedHashMap<>(approve);
        none.remove("hc-form");
        assertRefused(team.post("api/discussion", none, null), 403, "form-expired");

        var elsewhere = new LinkedHashMap<>(approve);
        elsewhere.put("hc-thread", "another-thread-" + UUID.randomUUID());
        assertRefused(team.post("api/discussion", elsewhere, null), 404, "unknown-comment");

        var page = team.get(thread.path());
        var form = page(page).selectFirst("#comment-" + thread.oldest() + " form.hc-moderate-form");
        assertNotNull(form.selectFirst("button.hc-approve"), "still waiting for moderation");
        assertEquals(0, approvedCount(thread));
        assertEquals(List.of(), history(team, thread, thread.oldest()), "nothing recorded");

        var asBrowser = reader.post("api/discussion", forged, null, "Accept", "text/html");
        assertEquals(403, asBrowser.statusCode());
        assertTrue(page(asBrowser).selectFirst(".hc-moderation-note").text().contains("Only a signed-in member of the site's team"),
                "a browser's form gets a page saying why");
    }

    @Test
    void aDoubleClickOrTwoMembersAtOnceDecideOnceAndTheOtherHearsWhoWasFirst() throws Exception {
        var first = signedIn("it-thread-first");
        var second = signedIn("it-thread-second");
        var thread = threadWithThreeWaiting(first);

        var approveOldest = decision(page(first.get(thread.path())), thread.oldest(), "approve");
        var done = first.post("api/discussion", approveOldest, null);
        assertEquals(303, done.statusCode(), done.body());
        assertTrue(done.headers().firstValue("Location").orElseThrow().endsWith("#comment-" + thread.oldest()));
        var again = first.post("api/discussion", approveOldest, null);
        assertRefused(again, 409, "decided-meanwhile");
        assertTrue(again.body().contains("IT it-thread-first already approved Reader 0's comment."), again.body());

        var ban = decision(page(first.get(thread.path())), thread.newest(), "ban");
        var asked = first.post("api/discussion", ban, null, "Accept", "text/html");
        assertEquals(200, asked.statusCode(), "a ban asks first");
        assertTrue(page(asked).selectFirst(".hc-question").text().startsWith("Ban Reader 2?"));
        ban.put("hc-confirm", "yes");
        assertEquals(303, first.post("api/discussion", ban, null).statusCode());
        assertTrue(history(first, thread, thread.newest()).getFirst().startsWith("Banned · IT it-thread-first"));
        var banAgain = first.post("api/discussion", ban, null);
        assertRefused(banAgain, 409, "decided-meanwhile");
        assertTrue(banAgain.body().contains("IT it-thread-first already banned Reader 2."), banAgain.body());

        var firstSpams = decision(page(first.get(thread.path())), thread.middle(), "spam");
        var secondDeletes = decision(page(second.get(thread.path())), thread.middle(), "delete");
        secondDeletes.put("hc-confirm", "yes");
        List<Callable<HttpResponse<String>>> both = List.of(() -> first.post("api/discussion", firstSpams, null),
                () -> second.post("api/discussion", secondDeletes, null));
        List<HttpResponse<String>> answers;
        try (var pool = Executors.newFixedThreadPool(2)) {
            answers = pool.invokeAll(both).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertEquals(List.of(303, 409), answers.stream().map(HttpResponse::statusCode).sorted().toList(),
                answers.stream().map(HttpResponse::body).toList().toString());
        var loser = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertTrue(loser.body().matches(".*IT it-thread-(first|second) already (marked Reader 1's comment as spam|deleted Reader 1's comment)\\..*"),
                loser.body());
        assertEquals(1, history(first, thread, thread.middle()).size(), "one decision recorded");

        var reader = page(new ConsoleClient(base).get(thread.path()));
        assertNotNull(reader.getElementById("comment-" + thread.oldest()), "the kept page was dropped: readers see the approval");
        assertNull(reader.getElementById("comment-" + thread.middle()));
    }

    @Test
    void theTeamSeesRepliesBelowAPendingCommentMarkedAndWritesWithoutNameFieldsReadersSeeNeither() throws Exception {
        var team = signedIn("it-thread-subtree");
        var thread = threadWithThreeWaiting(team);
        var answered = new ConsoleClient(base).post("it/comments", Map.of("thread", thread.key(), "count", "1", "parent",
                String.valueOf(thread.oldest()), "name", "Ana"), null);
        assertEquals(200, answered.statusCode(), answered.body());
        var reply = Long.parseLong(answered.body().strip());

        var teamPage = page(team.get(thread.path()));
        var pending = teamPage.getElementById("comment-" + thread.oldest());
        assertNotNull(pending.selectFirst("> ol.hc-replies > li > article#comment-" + reply), "the reply stands below the comment it answers");
        assertTrue(teamPage.getElementById("comment-" + reply).hasClass("hc-pending"));
        assertEquals("Readers see these replies only once the comment above is approved.", pending.select("> p.hc-pending-replies").text());
        var form = teamPage.selectFirst("section.hc-comments > form.hc-form");
        assertEquals("Commenting as IT it-thread-subtree (team)", form.selectFirst(".hc-writing-as").text());
        assertTrue(form.select("[name=hc-name], [name=hc-email], [name=hc-website], [name=hc-notify]").isEmpty());

        var reader = page(new ConsoleClient(base).get(thread.path()));
        assertNull(reader.getElementById("comment-" + thread.oldest()));
        assertNull(reader.getElementById("comment-" + reply), "readers see nothing of the pending subtree");
        assertNull(reader.selectFirst(".hc-writing-as, .hc-pending-replies"));
        assertNotNull(reader.selectFirst("section.hc-comments > form.hc-form input[name=hc-name][required]"), "a reader's form is unchanged");
        assertNotNull(reader.selectFirst("section.hc-comments > form.hc-form input[name=hc-email]"));

        // As the team and a reader see it, at desktop and phone size; the team's controls right to left in Arabic.
        assertEquals(303, team.post("api/discussion", decision(teamPage, thread.middle(), "approve"), null).statusCode());
        browser = Browsers.headlessChromium();
        signInBrowser("it-thread-subtree");
        browser.get(base.toExternalForm() + thread.path() + "#comment-" + thread.oldest());
        assertTrue(article(reply).isDisplayed());
        Screenshots.keep(browser, "thread-team-desktop");
        phoneScreenshot("thread-team-phone");
        browser.get(base.toExternalForm() + "language?to=ar&back=/" + thread.path());
        waiting().until(d -> "rtl".equals(d.findElement(By.tagName("html")).getDomAttribute("dir")));
        assertEquals("rtl", browser.findElement(By.cssSelector("section.hc-comments")).getDomAttribute("dir"));
        phoneScreenshot("thread-team-ar-phone");
        browser.manage().deleteAllCookies();
        browser.get(base.toExternalForm() + thread.path());
        assertFalse(present(reply));
        Screenshots.keep(browser, "thread-reader-desktop");
        phoneScreenshot("thread-reader-phone");
        assertEquals(List.of(), AxeCheck.violations(browser, List.of(base.toExternalForm() + thread.path())));
    }

    /** A screenshot at 390 px, after checking that nothing scrolls sideways; the window is desktop size again after it. */
    private void phoneScreenshot(String name) {
        browser.manage().window().setSize(new Dimension(390, 844));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at 390 px: " + name);
        Screenshots.keep(browser, name);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void theThreadsFeedListsApprovedCommentsEscapedAnswersConditionalRequestsAndKnowsNoOtherThread() throws Exception {
        var team = signedIn("it-thread-feed");
        var path = team.post("it/posts", Map.of("title", "Fed here " + UUID.randomUUID().toString().substring(0, 8)), null).body();
        var key = ConsoleClient.page(team.get(path)).selectFirst("[data-hc-share]").attr("data-hc-share");
        var hostile = "Zoë </name><script>alert(1)</script> & Co";
        var ids = new ConsoleClient(base).post("it/comments", Map.of("thread", key, "count", "2", "name", hostile), null).body()
                .lines().map(Long::parseLong).toList();
        var approve = decision(page(team.get(path)), ids.getFirst(), "approve");
        assertEquals(303, team.post("api/discussion", approve, null).statusCode());

        var reader = new ConsoleClient(base);
        var address = "api/discussion/feed?thread=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
        var feed = reader.get(address);
        assertEquals(200, feed.statusCode(), feed.body());
        assertTrue(feed.headers().firstValue("Content-Type").orElseThrow().startsWith("application/atom+xml"));
        var atom = Jsoup.parse(feed.body(), "", Parser.xmlParser());
        assertEquals(1, atom.select("entry").size(), "the approved comment; never the pending one");
        assertTrue(atom.selectFirst("entry > id").text().endsWith("#comment-" + ids.getFirst()));
        assertEquals(hostile, atom.selectFirst("entry > author > name").text(), "the name stays text");
        assertTrue(atom.select("script").isEmpty() && !feed.body().contains("<script>"), "nothing of it became markup");
        assertEquals("Comment number 0 of many.", Jsoup.parse(atom.selectFirst("entry > content").text()).text());

        var etag = feed.headers().firstValue("ETag").orElseThrow();
        var modified = feed.headers().firstValue("Last-Modified").orElseThrow();
        assertTrue(feed.headers().firstValue("Cache-Control").orElseThrow().contains("max-age"));
        assertEquals(304, reader.get(address, "If-None-Match", etag).statusCode());
        assertEquals(304, reader.get(address, "If-Modified-Since", modified).statusCode());

        assertEquals(303, team.post("api/discussion", decision(page(team.get(path)), ids.getLast(), "approve"), null).statusCode());
        var changed = reader.get(address, "If-None-Match", etag);
        assertEquals(200, changed.statusCode(), "a decision changes the feed");
        assertEquals(2, Jsoup.parse(changed.body(), "", Parser.xmlParser()).select("entry").size());

        // A reader's comment posted and deleted in place: each answer carries the heading as it reads now (for the script).
        var fields = new LinkedHashMap<String, String>();
        page(reader.get(path)).select("section.hc-comments > form.hc-form input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.val()));
        fields.putAll(Map.of("hc-name", "Quinn", "hc-body", "In place " + UUID.randomUUID(), "hc-action", "post"));
        var posted = reader.post("api/discussion", fields, null, "X-Hearth-Fragment", "1", "Accept", "text/html");
        assertEquals(201, posted.statusCode(), posted.body());
        var fragment = Jsoup.parseBodyFragment(posted.body());
        assertEquals("2 comments", fragment.selectFirst("p.hc-count[hidden]").text(), "awaiting moderation: the count as it was");
        var deleted = reader.post("api/discussion", Map.of("hc-thread", key, "hc-delete", fragment.selectFirst("article").id().substring(8),
                "hc-confirm", "yes"), null, "X-Hearth-Fragment", "1", "Accept", "text/html",
                "X-Hearth-Own", posted.headers().firstValue("X-Hearth-Owner").orElseThrow());
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals("2 comments", Jsoup.parseBodyFragment(deleted.body()).selectFirst("p.hc-count[hidden]").text());

        var unknown = reader.get("api/discussion/feed?thread=no-such-thread-" + UUID.randomUUID());
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"), unknown.body());
        assertTrue(unknown.body().contains("\"reason\":\"unknown-thread\""), unknown.body());

        var link = page(reader.get(path)).selectFirst(".hc-feed a[type=application/atom+xml]");
        assertNotNull(link, "the post page links a feed");
    }
}

package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A community manager's morning in headless Chromium: sign in, publish a post, approve a comment, answer it; work the
 * queue by keyboard; the console at phone width and what axe-core finds on its pages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleBrowserIT {

    private WebDriver browser;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWarForCommenting("console-browser-it").addClasses(TeamFixture.class, CommentFixture.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Waits through Chromium's passing errors while a page is replaced ("Node ... does not belong to the document"). */
    private WebDriverWait waiting() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.WebDriverException.class);
        return wait;
    }

    @Test
    void signInPublishApproveAndAnswerFromTheInbox() throws Exception {
        new ConsoleClient(base).ensureMember("it-browser", "ADMIN");
        browser = Browsers.headlessChromium();

        browser.get(base.toExternalForm() + "console/posts/index.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/sign-in.xhtml"), "anonymous: sent to sign in");
        browser.findElement(By.id("signin:username")).sendKeys("it-browser");
        browser.findElement(By.id("signin:password")).sendKeys(TeamFixture.PASSWORD);
        browser.findElement(By.id("signin:go")).click();
        waiting().until(ExpectedConditions.urlContains("/console/posts/index.xhtml"));

        browser.findElement(By.id("new-post")).click();
        var title = "Morning notes " + UUID.randomUUID().toString().substring(0, 8);
        browser.findElement(By.id("editor:title")).sendKeys(title);
        browser.findElement(By.id("editor:markdown")).sendKeys("Hello **community**.");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#editor\\:preview strong"), "community"));
        browser.findElement(By.id("editor:publish")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("post-state"), "Published"));
        var postUrl = browser.findElement(By.cssSelector("#post-state a")).getAttribute("href");
        var postPage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(postUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var thread = org.jsoup.Jsoup.parse(postPage).selectFirst("[data-hc-share]").attr("data-hc-share");

        browser.get(base.toExternalForm());
        browser.findElement(By.linkText(title));

        var question = "Is this for newcomers too " + UUID.randomUUID().toString().substring(0, 8) + "?";
        var posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base.toExternalForm() + "api/comments"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"form\":\"" + DemoSite.formToken(base) + "\",\"thread\":\"" + thread + "\",\"title\":\"" + title + "\",\"url\":\"" + postUrl
                        + "\",\"name\":\"Nadia\",\"email\":\"nadia-" + UUID.randomUUID() + "@example.org\",\"body\":\"" + question + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("\"pending\""), "a newcomer waits for moderation");

        browser.get(base.toExternalForm() + "console/moderation/index.xhtml?post=" + thread);
        var queued = browser.findElement(By.xpath("//li[contains(@class,'queue-item')][contains(.,'" + question + "')]"));
        assertTrue(queued.getText().contains("First comment — welcome them"));
        queued.findElement(By.cssSelector("button[value^='APPROVE:']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The comment is approved."));

        browser.get(postUrl);
        assertTrue(browser.findElement(By.cssSelector(".hc-comments")).getText().contains(question), "readers see it now");

        browser.get(base.toExternalForm() + "console/inbox/index.xhtml");
        assertTrue(browser.findElement(By.id("inbox-count")).getText().contains("for an answer"));
        browser.get(base.toExternalForm() + "console/inbox/index.xhtml?post=" + thread);
        var item = browser.findElement(By.xpath("//li[contains(@class,'inbox-item')][contains(.,'" + question + "')]"));
        item.findElement(By.tagName("textarea")).sendKeys("Yes, especially for newcomers. Welcome, Nadia!");
        item.findElement(By.cssSelector("button[value^='REPLY:']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Your reply is published."));
        assertTrue(browser.findElements(By.xpath("//li[contains(@class,'inbox-item')][contains(.,'" + question + "')]")).isEmpty(),
                "answered: out of the inbox");

        browser.get(postUrl);
        var reply = browser.findElement(By.xpath("//article[contains(@class,'hc-comment')][contains(.,'Welcome, Nadia!')][not(.//article[contains(.,'Welcome, Nadia!')])]"));
        assertEquals("1", reply.getDomAttribute("data-depth"));
        assertTrue(reply.getText().contains("Author"), "the post's author answers with the Author badge");
    }

    @Test
    void anImageUploadedInTheEditorLandsAtTheCursorAndInThePreview() throws Exception {
        new ConsoleClient(base).ensureMember("it-images", "AUTHOR");
        browser = Browsers.headlessChromium();
        signIn("it-images");
        browser.get(base.toExternalForm() + "console/posts/edit.xhtml");
        var markdown = browser.findElement(By.id("editor:markdown"));
        markdown.sendKeys("Before after.");
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        js.executeScript("arguments[0].setSelectionRange(7, 7)", markdown);
        var image = new java.awt.image.BufferedImage(2400, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(0xE0, 0x7A, 0x1F));
        g.fillRect(0, 0, 2400, 800);
        g.dispose();
        var file = java.nio.file.Files.createTempFile("hearth-upload", ".png");
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        browser.findElement(By.id("editor:image")).sendKeys(file.toString());
        browser.findElement(By.id("editor:imageAlt")).sendKeys("An orange field");
        browser.findElement(By.id("editor:upload")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor\\:preview img")));
        var text = markdown.getDomProperty("value");
        assertTrue(text.matches("Before !\\[An orange field]\\(/console-browser-it/media/[0-9a-f]{64}\\.png\\)after\\."), text);
        assertEquals("An orange field", browser.findElement(By.cssSelector("#editor\\:preview img")).getDomAttribute("alt"));
        assertEquals("", browser.findElement(By.id("editor:imageAlt")).getDomProperty("value"), "ready for the next image");
        Screenshots.keep(browser, "editor-image-desktop");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        js.executeScript("document.getElementById('image-upload').scrollIntoView()");
        Screenshots.keep(browser, "editor-image-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        java.nio.file.Files.delete(file);
    }

    private void signIn(String username) {
        browser.get(base.toExternalForm() + "sign-in.xhtml");
        browser.findElement(By.id("signin:username")).sendKeys(username);
        browser.findElement(By.id("signin:password")).sendKeys(TeamFixture.PASSWORD);
        browser.findElement(By.id("signin:go")).click();
        waiting().until(ExpectedConditions.urlContains("/console/"));
    }

    private String focusedId() {
        return browser.switchTo().activeElement().getDomAttribute("id");
    }

    @Test
    void aModeratorMovesApprovesSpamsAndRepliesByKeyboardButNeverWhileTyping() throws Exception {
        var client = new ConsoleClient(base);
        client.ensureMember("it-keys", "MODERATOR");
        var thread = "console-keys-" + UUID.randomUUID();
        var response = client.post("it/comments", java.util.Map.of("thread", thread, "count", "3"), null);
        assertEquals(200, response.statusCode(), response.body());
        var ids = response.body().lines().map(id -> "queued-" + id).toList();
        browser = Browsers.headlessChromium();
        signIn("it-keys");
        browser.get(base.toExternalForm() + "console/moderation/index.xhtml?post=" + thread);
        assertTrue(browser.findElement(By.id("shortcuts")).getText().contains("Keyboard shortcuts"), "the shortcuts are listed on the page");

        var reason = browser.findElement(By.id("reason"));
        reason.sendKeys("as");
        assertEquals("as", reason.getDomProperty("value"), "typing in a field types");
        assertEquals(ids, browser.findElements(By.cssSelector("li.queue-item")).stream().map(e -> e.getDomAttribute("id")).toList());

        var keys = new org.openqa.selenium.interactions.Actions(browser);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.activeElement.blur()");
        keys.sendKeys("j").perform();
        assertEquals(ids.get(0), focusedId());
        keys.sendKeys("j").perform();
        assertEquals(ids.get(1), focusedId());
        keys.sendKeys("k").perform();
        assertEquals(ids.get(0), focusedId());
        keys.sendKeys("a").perform();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The comment is approved."));
        assertEquals(ids.subList(1, 3), browser.findElements(By.cssSelector("li.queue-item")).stream().map(e -> e.getDomAttribute("id")).toList());

        keys.sendKeys("j").perform();
        assertEquals(ids.get(1), focusedId());
        keys.sendKeys("s").perform();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The comment is marked as spam."));

        keys.sendKeys("j").perform();
        keys.sendKeys("r").perform();
        var replyId = "reply-" + ids.get(2).substring("queued-".length());
        assertEquals(replyId, focusedId(), "r opens the reply field");
        keys.sendKeys("Welcome aboard!").perform();
        assertEquals("Welcome aboard!", browser.findElement(By.id(replyId)).getDomProperty("value"), "no shortcut while typing the reply");
        browser.findElement(By.cssSelector("#" + ids.get(2) + " button[value^='REPLY:']")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The comment is approved and your reply is published."));
        assertTrue(browser.findElements(By.cssSelector("li.queue-item")).isEmpty());
    }

    @Test
    void theConsoleFitsAPhoneAndAxeFindsNothingOnItsPages() throws Exception {
        var client = new ConsoleClient(base);
        client.ensureMember("it-phone", "ADMIN");
        var comment = client.post("it/comments", java.util.Map.of("thread", "console-phone-" + UUID.randomUUID(), "count", "1",
                "name", "Ren", "email", "ren@example.org"), null).body().strip();
        browser = Browsers.headlessChromium();
        signIn("it-phone");
        var pages = java.util.List.of("console/index.xhtml", "console/moderation/index.xhtml?filter=all", "console/inbox/index.xhtml",
                "console/inbox/index.xhtml?first=true", "console/dashboard/index.xhtml", "console/bans/index.xhtml", "console/posts/index.xhtml",
                "console/moderation/search.xhtml?q=Ren", "console/moderation/commenter.xhtml?comment=" + comment, "console/posts/edit.xhtml");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.get(base.toExternalForm() + "console/dashboard/index.xhtml");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        Screenshots.keep(browser, "dashboard-desktop-tables-open");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (var page : pages) {
            browser.get(base.toExternalForm() + page);
            assertEquals(1, browser.findElements(By.cssSelector("nav.console-nav")).size(), page + ": the console page, not an error");
            var js = (org.openqa.selenium.JavascriptExecutor) browser;
            // Waits out a layout still settling (fonts, charts) before it calls the page too wide.
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(
                        js.executeScript("return document.documentElement.scrollWidth <= window.innerWidth")));
            } catch (org.openqa.selenium.TimeoutException e) {
                org.junit.jupiter.api.Assertions.fail(page + ": no sideways scrolling of the whole page at 390 px; " + js.executeScript("""
                        return document.documentElement.scrollWidth + ' px wide; too wide: ' + [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                            .filter(e => ['absolute', 'fixed'].includes(getComputedStyle(e).position) || (() => {
                                for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                                    if (getComputedStyle(p).overflowX !== 'visible') return false; } return true; })())
                            .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                            .join(', ');"""));
            }
            if (page.startsWith("console/dashboard/")) {
                Screenshots.keep(browser, "dashboard-phone");
            }
        }
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        for (var language : java.util.List.of("de", "fr", "es", "ar", "en")) {
            browser.get(base.toExternalForm() + "language?to=" + language + "&back=%2Fconsole%2Fdashboard%2Findex.xhtml");
            assertEquals(language, browser.findElement(By.tagName("html")).getDomAttribute("lang"));
            assertEquals(Boolean.TRUE, js.executeScript("var t = document.getElementById('reply-times-table'); return t.scrollWidth <= t.clientWidth"),
                    language + ": the reply times' four columns fit a phone without scrolling");
            if (language.equals("ar")) {
                Screenshots.keep(browser, "dashboard-phone-ar");
            }
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        assertEquals(java.util.List.of(), AxeCheck.violations(browser, pages.stream().map(page -> base.toExternalForm() + page).toList()));
    }
}

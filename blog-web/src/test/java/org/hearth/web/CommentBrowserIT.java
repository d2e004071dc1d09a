package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Readers in headless Chromium posting comments and replies, with JavaScript on and off, and the embed.js demo page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommentBrowserIT {

    /** The discussion's own comment form (its id carries the thread's tag). */
    private static final String MAIN_FORM = "section.hc-comments > form.hc-form";

    private static final String STAR = DemoSite.STAR_PATH;

    private WebDriver browser;

    @ArquillianResource
    private URL base;

    /** A site owner's plain HTML page on another origin, allowed to embed the discussion, and one that is not. */
    private static final StaticSite ALLOWED = new StaticSite();
    private static final StaticSite REFUSED = new StaticSite();

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Either loopback name may be the other site: the test server is reached as one of them.
        return Deployments.withContextParams(Deployments.hearthWarForCommenting("comment-browser-it"), Map.of(
                "hearth.comments.EMBED_ORIGINS", "http://127.0.0.1:" + ALLOWED.port() + " http://localhost:" + ALLOWED.port()));
    }

    @AfterAll
    static void stopSites() {
        ALLOWED.stop();
        REFUSED.stop();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Waits for what the page shows; parts the script replaces meanwhile are looked up again. */
    private WebDriverWait waiting() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void fill(WebElement form, String name, String body) {
        form.findElement(By.cssSelector("[name=hc-name]")).sendKeys(name);
        form.findElement(By.cssSelector("[name=hc-body]")).sendKeys(body);
    }

    private WebElement mayasComment() {
        return browser.findElements(By.cssSelector("article.hc-comment[data-depth='0']")).stream()
                .filter(a -> a.findElement(By.cssSelector(".hc-author")).getText().equals("Maya Okafor"))
                .findFirst().orElseThrow();
    }

    @Test
    void withJavaScriptACommentAndAReplyArePostedInPlaceAndAnnounced() {
        browser = Browsers.headlessChromium();
        browser.get(base.toExternalForm() + STAR);
        var url = browser.getCurrentUrl();
        var words = "Posted in place " + UUID.randomUUID();
        var form = browser.findElement(By.cssSelector(MAIN_FORM));
        fill(form, "Rae", words);
        form.findElement(By.cssSelector("button[value=post]")).click();

        var posted = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//article[contains(@class,'hc-comment')][.//div[contains(@class,'hc-body')][contains(.,'" + words + "')]]")));
        assertEquals(url, browser.getCurrentUrl(), "no reload");
        assertEquals("0", posted.getDomAttribute("data-depth"));
        assertTrue(posted.getText().contains("Awaiting moderation"));
        waiting().until(d -> !d.findElement(By.cssSelector(".hc-live")).getText().isEmpty());
        assertTrue(browser.findElement(By.cssSelector(".hc-live[aria-live=polite]")).getText().startsWith("Your comment was posted"));

        var maya = mayasComment();
        maya.findElement(By.cssSelector("a.hc-reply")).click();
        // The reply form comes from the server: it is there once its request is answered.
        var replyForm = waiting().until(d -> maya.findElements(By.cssSelector("form.hc-form")).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
        var reply = "A reply in place " + UUID.randomUUID();
        fill(replyForm, "Sol", reply);
        replyForm.findElement(By.cssSelector("button[value=post]")).click();
        var nested = waiting().until(d -> maya.findElements(By.xpath(".//article[contains(.,'" + reply + "')]")).stream().findFirst().orElse(null));
        assertEquals("1", nested.getDomAttribute("data-depth"));
        assertEquals(url, browser.getCurrentUrl());

        browser.navigate().refresh();
        assertNotNull(browser.findElement(By.xpath("//article[contains(.,'" + reply + "')]")), "the author still sees it after a reload");
    }

    @Test
    void detailsAreRememberedInTheBrowserAfterAnInPlaceCommentUntilForgetMe() {
        browser = Browsers.headlessChromium();
        browser.get(base.toExternalForm() + STAR);
        var form = browser.findElement(By.cssSelector("section.hc-comments > form.hc-form"));
        assertTrue(form.findElements(By.cssSelector(".hc-remembered")).stream().noneMatch(WebElement::isDisplayed), "nothing to forget yet");
        fill(form, "Remy", "Remember me " + UUID.randomUUID());
        form.findElement(By.cssSelector("[name=hc-email]")).sendKeys("remy@example.org");
        form.findElement(By.cssSelector("[name=hc-website]")).sendKeys("https://remy.example.org/");
        form.findElement(By.cssSelector("button[value=post]")).click();
        waiting().until(d -> d.findElement(By.cssSelector(".hc-live")).getText().startsWith("Your comment was posted"));

        browser.navigate().refresh();
        var again = browser.findElement(By.cssSelector("section.hc-comments > form.hc-form"));
        waiting().until(d -> again.findElement(By.cssSelector(".hc-remembered")).isDisplayed());
        Screenshots.keep(browser, "remembered");
        assertEquals("Remy", again.findElement(By.cssSelector("[name=hc-name]")).getDomProperty("value"));
        assertEquals("remy@example.org", again.findElement(By.cssSelector("[name=hc-email]")).getDomProperty("value"));
        assertEquals("https://remy.example.org/", again.findElement(By.cssSelector("[name=hc-website]")).getDomProperty("value"));
        assertEquals("", again.findElement(By.cssSelector("[name=hc-body]")).getDomProperty("value"), "only the details");

        mayasComment().findElement(By.cssSelector(":scope > .hc-actions a.hc-reply")).click();
        var replyForm = waiting().until(d -> mayasComment().findElements(By.cssSelector("form.hc-form")).stream().findFirst().orElse(null));
        assertEquals("Remy", replyForm.findElement(By.cssSelector("[name=hc-name]")).getDomProperty("value"), "a reply form too");

        again.findElement(By.cssSelector("button.hc-forget")).click();
        waiting().until(d -> !again.findElement(By.cssSelector(".hc-remembered")).isDisplayed());
        assertEquals("", again.findElement(By.cssSelector("[name=hc-name]")).getDomProperty("value"));
        assertEquals("", again.findElement(By.cssSelector("[name=hc-email]")).getDomProperty("value"));
        waiting().until(d -> d.findElement(By.cssSelector(".hc-live")).getText().contains("no longer remembered"));
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return localStorage.getItem('hearth.commenter')"));
        browser.navigate().refresh();
        assertEquals("", browser.findElement(By.cssSelector("form.hc-form [name=hc-name]")).getDomProperty("value"), "forgotten for good");
    }

    @Test
    void followingInPlaceSaysWhatComesNextAndAWrongAddressIsNamed() throws Exception {
        browser = Browsers.headlessChromium();
        browser.get(base.toExternalForm() + STAR);
        var url = browser.getCurrentUrl();
        var email = browser.findElement(By.cssSelector(".hc-follow input[name=hc-follow]"));
        email.sendKeys("not an address");
        browser.findElement(By.cssSelector("button.hc-follow-button")).click();
        waiting().until(d -> "true".equals(d.findElement(By.cssSelector(".hc-follow input[name=hc-follow]")).getDomAttribute("aria-invalid")));
        assertEquals("hc-follow", browser.switchTo().activeElement().getDomAttribute("name"), "the field to fix has the focus");
        assertTrue(browser.findElement(By.cssSelector(".hc-follow [id$=-email-error]")).getText().startsWith("Please give an e-mail address"));

        var field = browser.findElement(By.cssSelector(".hc-follow input[name=hc-follow]"));
        field.clear();
        field.sendKeys("follower-" + UUID.randomUUID() + "@example.org");
        browser.findElement(By.cssSelector("button.hc-follow-button")).click();
        var sent = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hc-follow-sent")));
        assertTrue(sent.getText().startsWith("Almost done"), sent.getText());
        assertEquals(url, browser.getCurrentUrl(), "no reload");
        assertTrue(browser.findElement(By.cssSelector(".hc-follow a[type='application/atom+xml']")).getDomAttribute("href")
                .endsWith("/feeds/comments/being-a-star-in-our-communities.atom"), "the thread's feed is a click away");
        Screenshots.keep(browser, "follow-sent");
    }

    @Test
    void withoutJavaScriptACommentAndAReplyArePostedThroughTheForm() {
        browser = Browsers.headlessChromium(false);
        browser.get(base.toExternalForm() + STAR);
        var words = "Posted without JavaScript " + UUID.randomUUID();
        var form = browser.findElement(By.cssSelector(MAIN_FORM));
        fill(form, "Tia", words);
        form.findElement(By.cssSelector("button[value=post]")).click();

        waiting().until(ExpectedConditions.urlMatches(".*#comment-\\d+$"));
        var id = browser.getCurrentUrl().replaceFirst(".*#", "");
        assertTrue(browser.findElement(By.id(id)).getText().contains(words));

        mayasComment().findElement(By.cssSelector("a.hc-reply")).click();
        var replyForm = waiting().until(ExpectedConditions.visibilityOf(mayasComment().findElement(By.cssSelector("form.hc-form"))));
        var reply = "A reply without JavaScript " + UUID.randomUUID();
        fill(replyForm, "Uma", reply);
        replyForm.findElement(By.cssSelector("button[value=post]")).click();
        waiting().until(ExpectedConditions.urlMatches(".*#comment-\\d+$"));
        var replyId = browser.getCurrentUrl().replaceFirst(".*#", "");
        var nested = mayasComment().findElement(By.id(replyId));
        assertEquals("1", nested.getDomAttribute("data-depth"));
        assertTrue(nested.getText().contains(reply));
    }

    @Test
    void withoutJavaScriptDeletingOnesCommentAsksOnAPageOfItsOwnThenReturnsToThePost() {
        browser = Browsers.headlessChromium(false);
        browser.get(base.toExternalForm() + STAR);
        var form = browser.findElement(By.cssSelector(MAIN_FORM));
        fill(form, "Vic", "Soon deleted " + UUID.randomUUID());
        form.findElement(By.cssSelector("button[value=post]")).click();
        waiting().until(ExpectedConditions.urlMatches(".*#comment-\\d+$"));
        var id = browser.getCurrentUrl().replaceFirst(".*#", "");

        browser.findElement(By.id(id)).findElement(By.cssSelector("button.hc-delete")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("form.hc-confirm-delete button[name=hc-confirm]"))).click();
        waiting().until(ExpectedConditions.urlContains(STAR));
        assertTrue(browser.findElements(By.id(id)).isEmpty(), "back on the post, without the comment");
    }

    @Test
    void embedDemoPageShowsAndAcceptsComments() {
        browser = Browsers.headlessChromium();
        browser.get(base.toExternalForm() + "embed-demo.html");
        var form = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-hearth-thread] form.hc-form")));
        var words = "Hello from a static page " + UUID.randomUUID();
        fill(form, "Vic", words);
        form.findElement(By.cssSelector("button[value=post]")).click();
        var posted = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//article[contains(.,'" + words + "')]")));
        assertTrue(posted.getDomAttribute("id").matches("comment-\\d+"));

        browser.navigate().refresh();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//article[contains(.,'" + words + "')]")));
    }

    @Test
    void embedFormAsksForRepliesByEmailOnlyWithAnAddress() {
        browser = Browsers.headlessChromium();
        browser.get(base.toExternalForm() + "embed-demo.html");
        var form = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-hearth-thread] form.hc-form")));
        var box = form.findElement(By.cssSelector("input[type=checkbox][name=hc-notify]"));
        var label = form.findElement(By.cssSelector("label[for='" + box.getDomAttribute("id") + "']"));
        assertTrue(label.getText().startsWith("E-mail me when someone replies"));
        var words = "Tell me about replies " + UUID.randomUUID();
        fill(form, "Wren", words);
        label.click();
        assertTrue(box.isSelected(), "the label ticks the box");
        form.findElement(By.cssSelector("button[value=post]")).click();

        // The server answers the form with its message: the same form element, its fields rendered again.
        var email = waiting().until(d -> form.findElements(By.cssSelector("[name=hc-email][aria-invalid=true]")).stream().findFirst().orElse(null));
        assertEquals("true", email.getDomAttribute("aria-invalid"), "the box needs the e-mail address");
        assertTrue(form.findElement(By.cssSelector(".hc-error")).getText().contains("please give your e-mail address"));
        assertEquals(email, browser.switchTo().activeElement(), "the field to fix has the focus");
        assertTrue(browser.findElements(By.xpath("//article[contains(.,'" + words + "')]")).isEmpty(), "nothing posted");

        email.sendKeys("wren-" + UUID.randomUUID() + "@example.org");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                window.hearthSent = [];
                var send = window.fetch;
                window.fetch = function (url, options) {
                    if (options && options.body) { window.hearthSent.push(new URLSearchParams(options.body)); }
                    return send.apply(this, arguments);
                };""");
        form.findElement(By.cssSelector("button[value=post]")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//article[contains(.,'" + words + "')]")));
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.hearthSent[0].get('hc-notify') === 'on';"));
        waiting().until(d -> d.findElement(By.cssSelector(".hc-live")).getText().contains("We will e-mail you when someone replies."));
    }

    /** The other loopback name of this machine: another site to the browser (as localhost and 127.0.0.1 are). */
    private String otherHost() {
        return base.getHost().equals("localhost") ? "127.0.0.1" : "localhost";
    }

    /** Opens a plain HTML page of another origin with the two lines a site owner adds for this thread. */
    private void openEmbed(StaticSite site, String thread) {
        openEmbed(site, thread, "");
    }

    /** As {@link #openEmbed(StaticSite, String)}, with these attributes on the script tag (such as {@code data-feed}). */
    private void openEmbed(StaticSite site, String thread, String scriptAttributes) {
        var page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>A site owner's page</title></head><body><main>"
                + "<h1>A site owner's page</h1><p>Plain HTML on another origin.</p><div data-hearth-thread=\"" + thread + "\"></div>"
                + "<script src=\"" + base.toExternalForm() + "hearth/embed.js\" defer" + scriptAttributes + "></script></main></body></html>";
        browser.get(site.serve(otherHost(), page));
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    /** The discussion's markup a reader sees: heading, sort links and comments (relative times left out: they move on). */
    private String discussionMarkup() {
        var markup = (String) script("""
                var section = document.querySelector('section.hc-comments');
                return ['h2', 'nav.hc-sort', 'ol.hc-list'].map(function (s) {
                    var node = section.querySelector(s); return node ? node.outerHTML : '';
                }).join('\\n');""");
        return markup.replaceAll("(<time[^>]*>)[^<]*(</time>)", "$1$2");
    }

    @Test
    void theTagAndAnEmbedOnAnotherOriginShowTheSameDiscussionStyledAlike() {
        browser = Browsers.headlessChromium();
        var thread = DemoSite.starThread(base);
        browser.get(base.toExternalForm() + STAR);
        var tag = discussionMarkup();
        var tagButton = script("return getComputedStyle(document.querySelector('section.hc-comments > form.hc-form .hc-post-button')).borderRadius;");
        assertTrue(tag.contains("Maya Okafor") && tag.contains("data-depth=\"1\""), tag);

        openEmbed(ALLOWED, thread);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-hearth-thread] ol.hc-list")));
        assertEquals(tag, discussionMarkup(), "the same HTML as the tag's");
        assertEquals(tagButton, script("return getComputedStyle(document.querySelector('section.hc-comments > form.hc-form .hc-post-button')).borderRadius;"),
                "styled by comments.css, loaded by the script");
        assertEquals("8px", tagButton);
        var time = browser.findElement(By.cssSelector("ol.hc-list time"));
        assertTrue(Pattern.matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC", time.getDomAttribute("title")), time.getDomAttribute("title"));
    }

    @Test
    void anEmbedOnAnotherOriginPreviewsPostsEditsSmilesRepliesDeletesAndSorts() {
        browser = Browsers.headlessChromium();
        openEmbed(ALLOWED, DemoSite.starThread(base));
        var form = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-hearth-thread] " + MAIN_FORM)));
        var words = "Embedded and previewed " + UUID.randomUUID();
        fill(form, "Xia", words + " *first*");
        form.findElement(By.cssSelector("button[value=preview]")).click();
        waiting().until(d -> !form.findElements(By.cssSelector(".hc-preview em")).isEmpty());
        assertEquals("first", form.findElement(By.cssSelector(".hc-preview em")).getText());
        assertEquals(words + " *first*", form.findElement(By.cssSelector("[name=hc-body]")).getDomProperty("value"), "the text is kept");

        form.findElement(By.cssSelector("button[value=post]")).click();
        var posted = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//article[contains(@class,'hc-comment')][.//div[contains(@class,'hc-body')][contains(.,'" + words + "')]]")));
        var id = posted.getDomAttribute("id");
        assertTrue(posted.getText().contains("Awaiting moderation"), "its author sees it while it waits");
        waiting().until(d -> d.findElement(By.cssSelector(".hc-live")).getText().startsWith("Your comment was posted"));

        posted.findElement(By.cssSelector("a.hc-edit")).click();
        var editForm = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hc-form-edit-" + id.substring(8))));
        var body = editForm.findElement(By.cssSelector("textarea"));
        body.clear();
        var fixed = "Corrected in place " + UUID.randomUUID();
        body.sendKeys(fixed);
        editForm.findElement(By.cssSelector("button[value=save]")).click();
        waiting().until(d -> d.findElement(By.id(id)).findElement(By.cssSelector(".hc-body")).getText().equals(fixed));
        assertTrue(browser.findElement(By.id(id)).getText().contains("edited"));

        var maya = mayasComment();
        var count = Integer.parseInt(maya.findElement(By.cssSelector(":scope > .hc-actions .hc-smile-count")).getText());
        maya.findElement(By.cssSelector(":scope > .hc-actions button.hc-smile")).click();
        waiting().until(d -> mayasComment().findElement(By.cssSelector(":scope > .hc-actions .hc-smile-count")).getText()
                .equals(String.valueOf(count + 1)));

        mayasComment().findElement(By.cssSelector(":scope > .hc-actions a.hc-reply")).click();
        var replyForm = waiting().until(d -> mayasComment().findElements(By.cssSelector("form.hc-form")).stream().findFirst().orElse(null));
        var reply = "Embedded reply " + UUID.randomUUID();
        fill(replyForm, "Yan", reply);
        replyForm.findElement(By.cssSelector("button[value=post]")).click();
        var nested = waiting().until(d -> mayasComment().findElements(By.xpath(".//article[contains(.,'" + reply + "')]")).stream().findFirst().orElse(null));
        assertEquals("1", nested.getDomAttribute("data-depth"));

        browser.findElement(By.id(id)).findElement(By.cssSelector("button.hc-delete")).click();
        var keep = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " form.hc-confirm-delete a.hc-keep")));
        Screenshots.keep(browser, "delete-question");
        keep.click();
        waiting().until(d -> d.findElements(By.cssSelector("#" + id + " form.hc-confirm-delete")).isEmpty());
        assertEquals("hc-delete", browser.switchTo().activeElement().getDomAttribute("name"), "Keep it returns to the delete button");
        browser.findElement(By.id(id)).findElement(By.cssSelector("button.hc-delete")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + id + " button[name=hc-confirm]"))).click();
        waiting().until(d -> d.findElements(By.id(id)).isEmpty());

        browser.findElement(By.cssSelector("nav.hc-sort a[data-hearth-sort=newest]")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("nav.hc-sort a[data-hearth-sort=newest][aria-current]")).isEmpty());
        var first = browser.findElement(By.cssSelector("ol.hc-list > li > article"));
        assertTrue(first.getText().contains(reply) || !first.getText().contains("Maya Okafor"), "newest first: " + first.getText());

        browser.navigate().refresh();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//article[contains(.,'" + reply + "')]")));
        assertTrue(browser.findElements(By.id(id)).isEmpty(), "the deleted comment stays deleted");
    }

    @Test
    void anEmbedOnAnOriginThatIsNotAllowedSaysSoInsteadOfAFormThatCannotPost() {
        browser = Browsers.headlessChromium();
        openEmbed(REFUSED, DemoSite.starThread(base));
        var notice = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-hearth-thread] .hc-notice")));
        assertTrue(notice.getText().contains("may not show the comments"), notice.getText());
        assertTrue(notice.getText().contains(":" + REFUSED.port()), "it names the page's origin: " + notice.getText());
        assertTrue(browser.findElements(By.cssSelector("form.hc-form")).isEmpty());
    }

    @Test
    void anEmbedLinksTheThreadsOwnFeedOrTheSiteOwnersWhenDataFeedNamesAWebAddress() throws Exception {
        browser = Browsers.headlessChromium();
        var thread = DemoSite.starThread(base);
        var feedLink = By.cssSelector("[data-hearth-thread] .hc-feed a[type='application/atom+xml']");
        openEmbed(ALLOWED, thread);
        var own = waiting().until(ExpectedConditions.visibilityOfElementLocated(feedLink)).getDomProperty("href");
        assertTrue(own.endsWith("/api/discussion/feed?thread=" + URLEncoder.encode(thread, StandardCharsets.UTF_8) + "&lang=en"), own);
        var atom = new ConsoleClient(base).get(own.substring(own.indexOf("api/discussion")));
        assertEquals(200, atom.statusCode());
        assertTrue(atom.body().contains("Maya Okafor"), "the link leads to the thread's feed");

        openEmbed(ALLOWED, thread, " data-feed=\"https://owner.example/comments.atom?x=1&amp;y=2\"");
        waiting().until(ExpectedConditions.attributeToBe(feedLink, "href", "https://owner.example/comments.atom?x=1&y=2"));
        browser.findElement(By.cssSelector("nav.hc-sort a[data-hearth-sort=newest]")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("nav.hc-sort a[data-hearth-sort=newest][aria-current]")).isEmpty());
        assertEquals("https://owner.example/comments.atom?x=1&y=2", browser.findElement(feedLink).getDomAttribute("href"), "kept in another order");

        openEmbed(ALLOWED, thread, " data-feed=\"javascript:alert(document.domain)\"");
        waiting().until(ExpectedConditions.attributeToBe(feedLink, "href", own));
        assertTrue(browser.findElements(By.cssSelector("a[href^='javascript']")).isEmpty(), "never a script address");
    }
}

package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Readers in headless Chromium posting comments and replies, with JavaScript on and off, and the embed.js demo page. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommentBrowserIT {

    private static final String STAR = DemoSite.STAR_PATH;

    private WebDriver browser;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWarForCommenting("comment-browser-it");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
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
        var form = browser.findElement(By.id("hc-form"));
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
        var replyForm = waiting().until(ExpectedConditions.visibilityOf(maya.findElement(By.cssSelector("form.hc-form"))));
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
    void withoutJavaScriptACommentAndAReplyArePostedThroughTheForm() {
        browser = Browsers.headlessChromium(false);
        browser.get(base.toExternalForm() + STAR);
        var words = "Posted without JavaScript " + UUID.randomUUID();
        var form = browser.findElement(By.id("hc-form"));
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

        var email = form.findElement(By.cssSelector("[name=hc-email]"));
        assertEquals("true", email.getDomAttribute("aria-invalid"), "the box needs the e-mail address");
        assertTrue(form.findElement(By.cssSelector(".hc-error")).getText().contains("please give your e-mail address"));
        assertEquals(email, browser.switchTo().activeElement(), "the field to fix has the focus");
        assertTrue(browser.findElements(By.xpath("//article[contains(.,'" + words + "')]")).isEmpty(), "nothing posted");

        email.sendKeys("wren-" + UUID.randomUUID() + "@example.org");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                window.hearthSent = [];
                var send = window.fetch;
                window.fetch = function (url, options) {
                    if (options && options.body) { window.hearthSent.push(JSON.parse(options.body)); }
                    return send.apply(this, arguments);
                };""");
        form.findElement(By.cssSelector("button[value=post]")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//article[contains(.,'" + words + "')]")));
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.hearthSent[0].notify;"));
        waiting().until(d -> d.findElement(By.cssSelector(".hc-live")).getText().contains("We will e-mail you when someone replies."));
    }
}

package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hearth.web.demo.DemoContent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader in headless Chromium: from the home page to a post, by keyboard, and what axe-core (injected from the npm
 * package) finds against WCAG 2.2 A/AA on the reader pages in light and dark color schemes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReaderJourneyIT {

    private WebDriver browser;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWar("reader-journey-it");
    }

    @BeforeEach
    void useTheSharedBrowser() {
        browser = Browsers.shared();
    }

    @Test
    void readerFollowsTheHomePageLinkToThePost() {
        browser.get(base.toExternalForm());
        browser.findElement(By.linkText(DemoContent.STAR_POST_TITLE)).click();

        var heading = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
        assertEquals(DemoContent.STAR_POST_TITLE, heading.getText());
        assertTrue(browser.getCurrentUrl().endsWith("/posts/being-a-star-in-our-communities"), browser.getCurrentUrl());
    }

    @Test
    void skipLinkIsTheFirstThingAKeyboardReaches() {
        browser.get(base.toExternalForm());
        browser.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        var focused = browser.switchTo().activeElement();
        assertEquals("Skip to content", focused.getText());
        assertTrue(focused.getAttribute("href").endsWith("#main"));
    }

    @Test
    void postPageListingAndEmbedAreAxeCleanAndKeptAsScreenshotsAtDesktopAndPhoneSizes() throws Exception {
        var pages = Map.of("post", "posts/being-a-star-in-our-communities", "listing", "", "embed", "embed-demo.html");
        var violations = new ArrayList<String>();
        try {
            for (var size : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
                browser.manage().window().setSize(new Dimension(size[0], size[1]));
                for (var page : pages.entrySet()) {
                    browser.get(base.toExternalForm() + page.getValue());
                    if (page.getKey().equals("embed")) {
                        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector("[data-hearth-thread] form.hc-form")));
                    }
                    var name = page.getKey() + "-" + size[0] + "x" + size[1];
                    var width = ((Number) ((JavascriptExecutor) browser).executeScript(
                            "return document.documentElement.scrollWidth")).intValue();
                    assertTrue(width <= size[0], name + " scrolls sideways: " + width + " px wide");
                    Screenshots.keep(browser, name);
                    AxeCheck.here(browser).forEach(violation -> violations.add(name + " " + violation));
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void homePostTagArchiveAndSearchPagesHaveNoWcagViolations() throws Exception {
        var archive = new SiteClient(base).page("archive").selectFirst("ul.months a").attr("href");
        var pages = List.of("", "posts/being-a-star-in-our-communities", "tags/community", "archive",
                archive.substring(archive.indexOf("archive/")), "search?q=community", "search?q=nothing-like-this", "authors/samuel-adeyemi",
                "about", "posts/no-such-post");
        var violations = AxeCheck.violations(browser, pages.stream().map(path -> base.toExternalForm() + path).toList());
        assertEquals(List.of(), violations);
    }
}

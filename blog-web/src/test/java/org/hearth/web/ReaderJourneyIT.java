package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import org.hearth.web.demo.DemoContent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A reader in headless Chromium: from the home page to a post. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReaderJourneyIT {

    private static WebDriver browser;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWar("reader-journey-it");
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browsers.headlessChromium();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
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
}

package org.hearth.web;

import java.io.File;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium for browser tests, from Debian's chromium and chromium-driver packages: never downloaded. */
public final class Browsers {

    private Browsers() {
    }

    public static WebDriver headlessChromium() {
        return headlessChromium(true);
    }

    /** Headless Chromium with JavaScript on or off (off: as a reader with scripts blocked sees the site). */
    public static WebDriver headlessChromium(boolean javaScript) {
        var driver = new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        if (!driver.canExecute()) {
            throw new IllegalStateException("No chromedriver at " + driver + ": install Debian's chromium and chromium-driver (.ci/run does)");
        }
        var options = new ChromeOptions();
        var binary = new File("/usr/bin/chromium");
        if (binary.canExecute()) {
            options.setBinary(binary);
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900",
                // No smooth scrolling: it moves elements away between Selenium's scroll and click.
                "--force-prefers-reduced-motion");
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(driver).build();
        return new ChromeDriver(service, options);
    }
}

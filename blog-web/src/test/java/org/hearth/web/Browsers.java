package org.hearth.web;

import java.io.File;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium for browser tests, from Debian's chromium and chromium-driver packages: never downloaded. */
public final class Browsers {

    private static WebDriver shared;

    private Browsers() {
    }

    /** One headless Chromium for the whole test run, closed when the JVM exits. */
    public static synchronized WebDriver shared() {
        if (shared == null) {
            var browser = headlessChromium();
            Runtime.getRuntime().addShutdownHook(new Thread(browser::quit));
            shared = browser;
        }
        return shared;
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
        // The performance log records every network request, so tests can prove a page asks no third-party host; the
        // browser log holds what the console shows (Content-Security-Policy violations among them).
        options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL", "browser", "ALL"));
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        var service = new ChromeDriverService.Builder().usingDriverExecutable(driver).build();
        return new ChromeDriver(service, options);
    }

    /** The URLs the browser requested since the last call (from Chromium's performance log). */
    public static List<URI> requestedUrls(WebDriver browser) {
        return browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(entry -> entry.getMessage())
                .filter(message -> message.contains("\"Network.requestWillBeSent\""))
                .map(Browsers::requestUrl)
                .filter(url -> url.startsWith("http"))
                .map(URI::create)
                .toList();
    }

    /** What the browser's console said since the last call about Content-Security-Policy violations. */
    public static List<String> securityPolicyViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getMessage())
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static String requestUrl(String logMessage) {
        var message = (Map<String, Object>) ((Map<String, Object>) new Json().toType(logMessage, Map.class)).get("message");
        var params = (Map<String, Object>) message.get("params");
        return (String) ((Map<String, Object>) params.get("request")).get("url");
    }
}

package org.hearth.sample;

import java.io.File;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Chromium from Debian's chromium and chromium-driver packages (never downloaded). */
final class Browsers {

    private Browsers() {
    }

    /** A headless Chromium with JavaScript on or off (off: as a reader with scripts blocked sees the site). */
    static WebDriver headlessChromium(boolean javaScript) {
        var driver = new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
        if (!driver.canExecute()) {
            throw new IllegalStateException("No chromedriver at " + driver + ": install Debian's chromium and chromium-driver (.ci/run does)");
        }
        var options = new ChromeOptions();
        if (new File("/usr/bin/chromium").canExecute()) {
            options.setBinary(new File("/usr/bin/chromium"));
        }
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--force-prefers-reduced-motion");
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
    }
}

package org.hearth.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/** Full-page screenshots that browser tests keep in {@code target/screenshots}, for a person to look at. */
public final class Screenshots {

    private static final Path FOLDER = Path.of("target/screenshots");

    private Screenshots() {
    }

    /** Saves the whole page as it stands (up to 4000 px high) as {@code target/screenshots/{name}.png}. */
    public static Path keep(WebDriver browser, String name) {
        var js = (JavascriptExecutor) browser;
        var width = ((Number) js.executeScript("return window.innerWidth")).intValue();
        var height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).intValue();
        var png = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(4000, height), "scale", 1)));
        try {
            var file = Files.createDirectories(FOLDER).resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) png.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

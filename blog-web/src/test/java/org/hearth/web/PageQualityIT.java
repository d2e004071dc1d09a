package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import nu.validator.client.EmbeddedValidator;

/**
 * The quality of every reader page of the demo site: valid HTML by the Nu HTML Checker (run in this JVM), and no
 * WCAG 2.2 A/AA violation found by axe-core (injected into headless Chromium) in light and dark color schemes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageQualityIT {

    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private static WebDriver browser;

    @ArquillianResource
    private URL base;

    private SiteClient site;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWar("page-quality-it");
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

    @BeforeEach
    void connect() {
        site = new SiteClient(base);
    }

    /** Every kind of reader page, and every post of the demo site. */
    private List<String> readerPages() {
        var pages = new LinkedHashSet<>(List.of("", "?page=2", "archive", "about", "tags/community", "authors/rosa-lindqvist",
                "search", "search?q=community", "search?q=%3Cnothing%3E", "posts/no-such-post"));
        var archive = site.page("archive");
        archive.select("ul.months a").forEach(link -> pages.add(link.attr("href").substring(link.attr("href").indexOf("archive/"))));
        for (var listing : List.of("", "?page=2")) {
            site.page(listing).select("article.post-summary h2 a")
                    .forEach(link -> pages.add(link.attr("href").substring(link.attr("href").indexOf("posts/"))));
        }
        return List.copyOf(pages);
    }

    @Test
    void everyReaderPagePassesTheNuHtmlChecker() throws Exception {
        var validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        var failures = new ArrayList<String>();
        var pages = readerPages();
        for (var path : pages) {
            var body = site.get(path).body();
            var report = validator.validate(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            report.lines().filter(line -> line.contains(": error:") || line.contains(": fatal"))
                    .forEach(line -> failures.add("/" + path + " " + line));
        }
        assertTrue(pages.size() > 20, "the demo site's pages: " + pages);
        assertEquals(List.of(), failures);
    }

    @Test
    void homePostTagArchiveAndSearchPagesHaveNoWcagViolations() throws Exception {
        var axe = Files.readString(Path.of(System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js")));
        var archive = site.page("archive").selectFirst("ul.months a").attr("href");
        var pages = List.of("", "posts/being-a-star-in-our-communities", "tags/community", "archive",
                archive.substring(archive.indexOf("archive/")), "search?q=community", "search?q=nothing-like-this", "authors/samuel-adeyemi",
                "about", "posts/no-such-post");
        var violations = new ArrayList<String>();
        for (var scheme : List.of("light", "dark")) {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (var path : pages) {
                browser.get(site.resolve(path).toString());
                var js = (JavascriptExecutor) browser;
                js.executeScript(axe);
                var found = js.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                           .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): '
                                 + v.nodes.map(n => n.target.join(' ')).join(', '))))
                           .catch(error => done(['axe failed: ' + error]));
                        """, WCAG_TAGS);
                ((List<?>) found).forEach(violation -> violations.add(scheme + " /" + path + " " + violation));
            }
        }
        assertEquals(List.of(), violations);
    }
}

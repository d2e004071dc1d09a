package org.hearth.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/** What axe-core (fetched from npm into target/axe by the build) finds against WCAG 2.2 AA on pages, in light and dark. */
final class AxeCheck {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private AxeCheck() {
    }

    /** Opens each URL in both colour schemes; the answer names each violation as "scheme url rule (impact): elements". */
    static List<String> violations(WebDriver browser, List<String> urls) {
        var violations = new ArrayList<String>();
        for (var scheme : List.of("light", "dark")) {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (var url : urls) {
                browser.get(url);
                here(browser).forEach(violation -> violations.add(scheme + " " + url + " " + violation));
            }
        }
        return violations;
    }

    /** The violations on the page the browser shows now, each as "rule (impact): elements". */
    static List<String> here(WebDriver browser) {
        String axe;
        try {
            axe = Files.readString(Path.of(System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        var found = (List<?>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                   .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): '
                         + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(error => done(['axe failed: ' + error]));
                """, WCAG_TAGS);
        return found.stream().map(String::valueOf).toList();
    }
}

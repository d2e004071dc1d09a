package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hearth as an attacker and a careless client try it: forms sent by another site's page, form tokens of another
 * browser or used again and again, bodies of 100 MB, made-up view state, requests without a required field; and the
 * headers every page carries, checked in Chromium for Content-Security-Policy violations.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequestSafetyIT {

    /** The discussion's own comment form (its id carries the thread's tag). */
    private static final String MAIN_FORM = "section.hc-comments > form.hc-form";

    private static final String EVIL = "http://evil.example";
    private static final String EMBEDDER = "http://embed.example";
    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private WebDriver browser;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withContextParams(Deployments.hearthWarForCommenting("request-safety-it"),
                Map.of("hearth.comments.EMBED_ORIGINS", EMBEDDER)).addClasses(TeamFixture.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private URI uri(String path) {
        return URI.create(base.toExternalForm()).resolve(path);
    }

    private String ownOrigin() {
        return base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
    }

    /** A comment through the JSON API, with these extra headers. */
    private HttpResponse<String> postJson(String json, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri("api/comments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String comment(String form, String thread, String body) {
        return "{\"form\":" + (form == null ? "null" : "\"" + form + "\"") + ",\"thread\":\"" + thread
                + "\",\"title\":\"Safety\",\"name\":\"Sam\",\"body\":\"" + body + "\"}";
    }

    private long approvedComments(String thread) throws IOException, InterruptedException {
        var body = http.send(HttpRequest.newBuilder(uri("api/counts?thread=" + thread)).build(), HttpResponse.BodyHandlers.ofString()).body();
        var matcher = Pattern.compile(":(\\d+)").matcher(body);
        assertTrue(matcher.find(), body);
        return Long.parseLong(matcher.group(1));
    }

    /** The hidden fields of a form of the page, plus these fields. */
    private static Map<String, String> form(Document page, String formSelector, Map<String, String> fields) {
        var form = new LinkedHashMap<String, String>();
        page.select(formSelector + " input[type=hidden]").forEach(input -> form.put(input.attr("name"), input.val()));
        form.putAll(fields);
        return form;
    }

    private static void assertProblem(HttpResponse<String> response, int status, String reason) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(response.body().contains("\"reason\":\"" + reason + "\""), response.body());
    }

    @Test
    void aSignedInTeamMembersCommentFormSentByAnotherSitesPageIsRefusedAndNothingStored() throws Exception {
        var member = new ConsoleClient(base);
        member.ensureMember("it-forgery", "ADMIN");
        assertEquals(302, member.signIn("it-forgery", TeamFixture.PASSWORD).statusCode());
        // Not the demo post whose counts other tests check: the last post below is published with the team's trust.
        var path = "posts/share-counts-you-can-trust";
        var page = ConsoleClient.page(member.get(path));
        var thread = page.selectFirst("[data-hc-share]").attr("data-hc-share");
        var before = approvedComments(thread);
        var forged = form(page, MAIN_FORM, Map.of("hc-name", "Anyone", "hc-body", "Forged in your name " + UUID.randomUUID(), "hc-action", "post"));

        var forms = "api/discussion"; // the form's action
        var fromEvil = member.post(forms, forged, EVIL);
        assertEquals(403, fromEvil.statusCode());
        assertTrue(fromEvil.body().contains("\"reason\":\"cross-site\""), "a problem body for a program: " + fromEvil.body());
        var crossSite = member.post(forms, forged, null, "Sec-Fetch-Site", "cross-site");
        assertEquals(403, crossSite.statusCode(), "no Origin, but the browser says cross-site");
        var fromReferer = member.post(forms, forged, null, "Referer", EVIL + "/trap.html");
        assertEquals(403, fromReferer.statusCode(), "no Origin, but the Referer names another site");
        assertEquals(before, approvedComments(thread), "nothing stored");

        var ownPage = member.post(forms, forged, ownOrigin(), "Sec-Fetch-Site", "same-origin");
        assertEquals(303, ownPage.statusCode(), "the same form sent by the site's own page is taken");
        assertEquals(before + 1, approvedComments(thread), "and published with the team's trust");
    }

    @Test
    void aFormTokenShownToAnotherBrowserIsRefused() throws Exception {
        var attacker = new ConsoleClient(base);
        var token = form(ConsoleClient.page(attacker.get(DemoSite.STAR_PATH)), MAIN_FORM, Map.of());
        var victim = new ConsoleClient(base);
        victim.get(DemoSite.STAR_PATH);
        var words = "With a token of someone else " + UUID.randomUUID();
        var response = victim.post("api/discussion", new LinkedHashMap<>(Map.of("hc-thread", token.get("hc-thread"),
                "hc-form", token.get("hc-form"), "hc-name", "Vic", "hc-body", words, "hc-action", "post")), null);
        assertEquals(400, response.statusCode());
        assertTrue(ConsoleClient.page(response).selectFirst(MAIN_FORM + " .hc-errors").text().contains("This form has expired"),
                "the reader is asked to reload");

        var own = attacker.post("api/discussion", form(ConsoleClient.page(attacker.get(DemoSite.STAR_PATH)), MAIN_FORM,
                Map.of("hc-name", "Vic", "hc-body", words, "hc-action", "post")), null);
        assertEquals(303, own.statusCode(), "the browser the form was shown to may send it");
    }

    @Test
    void oneFormTokenServesAFewCommentsThenAsksForAReload() throws Exception {
        var thread = "/safety/form-use-" + UUID.randomUUID();
        var form = DemoSite.formToken(base);
        for (int i = 1; i <= 3; i++) {
            var posted = postJson(comment(form, thread, "Comment " + i + " of one form"));
            assertEquals(201, posted.statusCode(), posted.body());
            assertTrue(posted.body().contains("\"form\":\""), "each answer hands out a fresh token for the next comment");
        }
        assertProblem(postJson(comment(form, thread, "A fourth comment of the same form")), 400, "form-used");
    }

    @Test
    void theApiRefusesStateChangesSentByOtherSitesPagesButNotByEmbedOrigins() throws Exception {
        var thread = "/safety/api-" + UUID.randomUUID();
        assertProblem(postJson(comment(DemoSite.formToken(base), thread, "From a trap"), "Origin", EVIL), 403, "cross-site");
        assertProblem(postJson(comment(DemoSite.formToken(base), thread, "From a trap"), "Sec-Fetch-Site", "cross-site"), 403, "cross-site");
        var embedded = postJson(comment(DemoSite.formToken(base), thread, "From an allowed embed"), "Origin", EMBEDDER);
        assertEquals(201, embedded.statusCode(), embedded.body());
        var id = embedded.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        var smile = http.send(HttpRequest.newBuilder(uri("api/comments/" + id + "/smiles")).header("Origin", EVIL)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(smile, 403, "cross-site");
        var delete = http.send(HttpRequest.newBuilder(uri("api/comments/" + id)).header("Origin", EVIL).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(delete, 403, "cross-site");
    }

    @Test
    void signInSignOutAndConsoleActionsSentByAnotherSitesPageAreRefused() throws Exception {
        var member = new ConsoleClient(base);
        member.ensureMember("it-console-forgery", "ADMIN");
        var signIn = form(ConsoleClient.page(member.open("sign-in.xhtml")), "signin", Map.of("signin:username", "it-console-forgery",
                "signin:password", TeamFixture.PASSWORD, "signin:go", "Sign in"));
        assertEquals(403, member.post("sign-in.xhtml", signIn, EVIL).statusCode(), "no signing in from a trap (login forgery)");
        assertEquals(302, member.signIn("it-console-forgery", TeamFixture.PASSWORD).statusCode());

        var console = ConsoleClient.page(member.open("console/team/index.xhtml"));
        assertNotNull(console.selectFirst("form#signout"), "the console bar's sign-out form");
        var fields = form(console, "signout", Map.of("signout:go", "Sign out"));
        assertEquals(403, member.post("console/team/index.xhtml", fields, EVIL).statusCode(), "no signing out from a trap");
        var addMember = form(console, "add", Map.of("add:username", "evil-" + UUID.randomUUID().toString().substring(0, 8),
                "add:displayName", "Evil", "add:password", "a long enough password", "add:role", "ADMIN", "add:go", "Add"));
        assertEquals(403, member.post("console/team/index.xhtml", addMember, EVIL).statusCode(), "no console action from a trap");
        assertEquals(200, member.get("console/team/index.xhtml").statusCode(), "still signed in");
    }

    @Test
    void aHundredMegabyteBodyIsRefusedWith413BeforeItIsReadAndTheSiteStaysResponsive() throws Exception {
        for (var path : List.of("api/comments", "api/discussion", DemoSite.STAR_PATH, "console/posts/edit.xhtml")) {
            var type = path.equals("api/comments") ? "application/json" : "application/x-www-form-urlencoded";
            // The headers alone: the answer comes before a byte of the body was sent.
            var refused = rawRequest("POST " + uri(path).getRawPath() + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: " + type + "\r\nAccept: application/json\r\nContent-Length: " + HUNDRED_MB + "\r\n\r\n", 0);
            assertTrue(refused.startsWith("HTTP/1.1 413 "), path + ": " + refused);
            assertTrue(refused.contains("application/problem+json") && refused.contains("\"reason\":\"too-large\""), refused);
        }
        // A body of unknown length (chunked) is cut off once it passes the API's limit.
        var chunked = rawRequest("POST " + uri("api/comments").getRawPath() + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                + base.getPort() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", 512 * 1024);
        assertTrue(chunked.startsWith("HTTP/1.1 413 ") && chunked.contains("\"reason\":\"too-large\""), chunked);

        assertEquals(200, http.send(HttpRequest.newBuilder(uri(DemoSite.STAR_PATH)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode(), "readers are still served");
    }

    /**
     * Sends these request headers and then, when {@code chunkedBytes} is not 0, that many bytes in chunks of 8 KB
     * (never the last chunk); answers what the server says, up to the end of its first response.
     */
    private String rawRequest(String head, int chunkedBytes) throws IOException {
        try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            var chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try {
                for (int sent = 0; sent < chunkedBytes; sent += chunk.length) {
                    out.write(("2000\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // the server answered and closed while the rest was on its way: its answer is read below
            }
            var in = socket.getInputStream();
            var answer = new java.io.ByteArrayOutputStream();
            var buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                answer.write(buffer, 0, n);
                var text = answer.toString(StandardCharsets.UTF_8);
                if (text.contains("\r\n\r\n") && text.endsWith("}")) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMadeUpViewStateAnswers400AndLogsOneLine() throws Exception {
        var log = Path.of(System.getProperty("hearth.it.server.log"));
        var before = Files.size(log);
        for (var path : List.of("sign-in.xhtml", DemoSite.STAR_PATH, "search?q=x")) {
            var connection = (HttpURLConnection) uri(path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Accept", "text/html");
            try (var out = connection.getOutputStream()) {
                out.write("jakarta.faces.ViewState=AAAA%2Bjunk&x=1".getBytes(StandardCharsets.US_ASCII));
            }
            assertEquals(400, connection.getResponseCode(), path);
            assertEquals("Bad Request", connection.getResponseMessage(), "no exception text in the status line");
            try (var body = connection.getErrorStream()) {
                var page = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(page.contains("This form has expired"), page);
                assertFalse(page.contains("Exception"), "no exception for the reader");
            }
        }
        var logged = readFrom(log, before);
        assertFalse(logged.contains("\tat "), "no stack trace in the log:\n" + logged);
        assertTrue(logged.lines().filter(line -> line.contains("could not be restored")).count() <= 3, logged);
    }

    @Test
    void aConsoleFormWithoutARequiredFieldShowsAMessageInsteadOfFailing() throws Exception {
        var admin = new ConsoleClient(base);
        admin.ensureMember("it-required", "ADMIN");
        admin.ensureMember("it-required-other", "AUTHOR");
        admin.signIn("it-required", TeamFixture.PASSWORD);
        var response = admin.submit("console/team/member.xhtml?username=it-required-other", "roleChange",
                Map.of("roleChange:go", "Change role"));
        assertEquals(200, response.statusCode());
        assertTrue(ConsoleClient.page(response).text().contains("Choose a role."), response.body());
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        for (var path : List.of("", DemoSite.STAR_PATH, "archive", "tags/comments", "sign-in.xhtml", "setup.xhtml", "api/comments?thread=x",
                "feeds/posts.xml", "no-such-page")) {
            var response = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding());
            var csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'self'"),
                    path + ": " + csp);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("strict-origin-when-cross-origin", response.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @Test
    void everyReaderAndConsolePageRunsWithoutPolicyViolationsAndEveryCookieIsSameSiteLax() throws Exception {
        var admin = new ConsoleClient(base);
        admin.ensureMember("it-policy", "ADMIN");
        browser = Browsers.headlessChromium();
        var site = base.toExternalForm();
        browser.get(site + "sign-in.xhtml");
        browser.findElement(By.id("signin:username")).sendKeys("it-policy");
        browser.findElement(By.id("signin:password")).sendKeys(TeamFixture.PASSWORD);
        browser.findElement(By.id("signin:go")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/console/"));

        var thread = DemoSite.starThread(base);
        var pages = List.of("", "?page=2", DemoSite.STAR_PATH, "archive", "tags/comments", "authors/rosa-lindqvist", "about",
                "search?q=community", "share/mastodon?thread=" + thread, "embed-demo.html", "no-such-page", "setup.xhtml",
                "console/", "console/posts/", "console/posts/edit.xhtml", "console/inbox/", "console/moderation/",
                "console/dashboard/", "console/bans/", "console/team/", "console/team/member.xhtml?username=it-policy", "console/mail/",
                "console/transfer/",
                "reset-password.xhtml?token=x");
        var violations = new ArrayList<String>();
        for (var page : pages) {
            browser.get(site + page);
            violations.addAll(Browsers.securityPolicyViolations(browser).stream().map(v -> page + ": " + v).toList());
        }
        browser.get(site + "console/posts/edit.xhtml");
        browser.findElement(By.id("editor:markdown")).sendKeys("Live **preview**");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#editor\\:preview strong"), "preview"));
        violations.addAll(Browsers.securityPolicyViolations(browser));
        assertEquals(List.of(), violations);

        browser.get(site + DemoSite.STAR_PATH);
        var cookies = browser.manage().getCookies();
        assertTrue(cookies.stream().anyMatch(c -> c.getName().equals("JSESSIONID")), "signed in: " + cookies);
        assertTrue(cookies.stream().anyMatch(c -> c.getName().equals("hc_form")), "the form's cookie: " + cookies);
        cookies.forEach(cookie -> assertEquals("Lax", cookie.getSameSite(), cookie.getName()));
    }

    @Test
    void aFormOnAnotherSitesPageCannotPostInASignedInMembersBrowser() throws Exception {
        var admin = new ConsoleClient(base);
        admin.ensureMember("it-victim", "ADMIN");
        var page = ConsoleClient.page(admin.get(DemoSite.STAR_PATH));
        var words = "Forged through the browser " + UUID.randomUUID();
        var target = base.toExternalForm() + "api/discussion"; // the action of the widget's forms
        var fields = form(page, MAIN_FORM, Map.of("hc-name", "Victim", "hc-body", words, "hc-action", "post"));
        var trap = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><title>Win a prize</title><form method=\"post\" action=\"")
                .append(target).append("\">");
        fields.forEach((name, value) -> trap.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                .append(value.replace("&", "&amp;").replace("\"", "&quot;")).append("\">"));
        trap.append("<button id=\"prize\">Claim</button></form></html>");
        // Another site: the other name of this machine (localhost and 127.0.0.1 are different sites to a browser).
        var otherHost = base.getHost().equals("localhost") ? "127.0.0.1" : "localhost";
        var server = HttpServer.create(new InetSocketAddress(otherHost, 0), 0);
        server.createContext("/trap.html", exchange -> {
            var bytes = trap.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            browser = Browsers.headlessChromium(false);
            browser.get(base.toExternalForm() + "sign-in.xhtml");
            browser.findElement(By.id("signin:username")).sendKeys("it-victim");
            browser.findElement(By.id("signin:password")).sendKeys(TeamFixture.PASSWORD);
            browser.findElement(By.id("signin:go")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/console/"));

            browser.get("http://" + otherHost + ":" + server.getAddress().getPort() + "/trap.html");
            browser.findElement(By.id("prize")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("api/discussion"));
            assertEquals("Sent from another site", browser.findElement(By.tagName("h1")).getText());
        } finally {
            server.stop(0);
        }
        assertFalse(http.send(HttpRequest.newBuilder(uri("api/comments?thread=" + DemoSite.starThread(base))).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains(words), "nothing was posted");
    }

    private static String readFrom(Path file, long offset) throws IOException {
        try (var in = Files.newInputStream(file)) {
            in.skipNBytes(Math.min(offset, Files.size(file)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import org.hearth.web.demo.DemoContent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every page in a language added at test time, as a site owner adds one: the reader pages, the error pages, every
 * console page (signed in as an administrator) and the comment widget (its Faces tag on the post page, the embed's
 * fragments from {@code /api/discussion}, its pages for browsers without JavaScript and for e-mail links), each form
 * also sent once empty so that its refusals show. Any text or attribute a reader sees that did not come from the
 * bundles fails the test: a text left in a page or in Java.
 * <p>
 * The language is a pseudo-language: each English text of both bundles between ⟦ and ⟧, its vowels accented, saved
 * as Esperanto ({@code eo}, which Hearth does not ship) in the application's {@code WEB-INF/classes}; a reader picks
 * it with the language link, the embed names it as a page's {@code lang}, e-mail links follow the browser's
 * {@code Accept-Language}. The views come from the WAR itself: a view this test has no address for fails it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PseudoLocaleIT {

    private static final String PSEUDO = "eo";
    private static final String MEMBER = "it-pseudo";
    private static final List<String> CHECKED_ATTRIBUTES = List.of("title", "aria-label", "placeholder", "alt");

    /** What stays as it was in every language, each with its reason: what the site's people wrote, dates, numbers. */
    private static final Map<String, String> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put(".post-body, .excerpt, .post-summary h2, article.post h1", "what authors wrote: posts' titles, excerpts and bodies");
        ALLOWED.put(".author-list h3, .author-list p, p.bio", "what authors wrote about themselves");
        ALLOWED.put(".author, .hc-author, .hc-avatar, .queue-item header strong, .inbox-item header strong, .trusted-list strong, #commenter-name, .hit-writer",
                "people's names, as they gave them");
        ALLOWED.put(".queue-group h2 a, #most-discussed a, #most-shared a, .inbox-item header > a:not(.profile-link)",
                "the titles of discussions: a post's, or the one a page embedding the widget gave");
        ALLOWED.put(".tag-list a, .post-tags a, .count-list.tags a", "tags, as authors named them");
        ALLOWED.put(".hc-body, .hc-in-reply-to a, .hc-preview > :not(h4), textarea, .comment-body, .in-reply-to, #commenter-comments a",
                "what commenters wrote");
        ALLOWED.put("#post-hits a, #comment-hits .hit-text", "search hits: what authors and commenters wrote");
        ALLOWED.put("#bans-table td:nth-child(1) strong, #bans-table q, #bans-table td:nth-child(3), #bans-table td:nth-child(4), "
                + "#ended-bans td:nth-child(1) strong, #ended-bans q, #ended-bans td:nth-child(3), #ended-bans td:nth-child(4)",
                "bans: whom, for what comment, the moderator's reason and name");
        ALLOWED.put(".history li", "a comment's history: who decided, when, and the reason they wrote");
        ALLOWED.put("#mail-log td:nth-child(3), #mail-log td:nth-child(6)",
                "e-mails as they were written when sent (in the site's language then), and the mail server's own words");
        ALLOWED.put("#recent-imports a", "the names of imported files");
        ALLOWED.put("time, .hc-absolute", "dates and times, written by the language's own formats");
        ALLOWED.put("a[hreflang], option[lang]", "each language's own name, marked with its language");
        ALLOWED.put("script, style, template", "no text a reader sees");
    }

    /**
     * What the site's people wrote wherever it stands (post titles, tags, authors', team members' and commenters' names),
     * read from the site before the test: it also stands in sentences such as "⟦Share “{0}”⟧" and in page titles.
     */
    private final SortedSet<String> written = new TreeSet<>((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));

    /** Names that are the same in every language. */
    private static final Set<String> BRANDS = Set.of("Twitter", "Facebook", "LinkedIn", "Bluesky", "Mastodon");

    @ArquillianResource
    private URL base;

    private ConsoleClient reader;
    private ConsoleClient team;
    private final List<String> untranslated = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWar("pseudo-locale-it", TeamFixture.class, ErrorStatusServlet.class)
                .addAsResource(new StringAsset(pseudoBundle("org/hearth/web/messages.properties")), "org/hearth/web/messages_" + PSEUDO + ".properties")
                .addAsResource(new StringAsset(pseudoBundle("org/hearth/comments/messages.properties")), "org/hearth/comments/messages_" + PSEUDO + ".properties");
    }

    /** The English bundle at {@code path} with every text pseudo-translated, as a properties file. */
    private static String pseudoBundle(String path) {
        var english = new Properties();
        try (var in = PseudoLocaleIT.class.getClassLoader().getResourceAsStream(path)) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            var pseudo = new Properties();
            english.forEach((key, value) -> pseudo.put(key, pseudo(value.toString())));
            var out = new StringWriter();
            pseudo.store(out, "pseudo-language of PseudoLocaleIT");
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code pattern} between ⟦ and ⟧ with the vowels of its text accented; an ICU pattern keeps its syntax: only the
     * text outside arguments and inside the messages of a plural or select argument is text.
     */
    static String pseudo(String pattern) {
        var out = new StringBuilder("⟦");
        // Per open brace: the words of its argument so far, or null for a plural's or select's message (text).
        var open = new ArrayList<StringBuilder>();
        for (char c : pattern.toCharArray()) {
            var argument = open.isEmpty() ? null : open.getLast();
            if (c == '{') {
                var message = argument != null && argument.toString().matches("(?s).*,\\s*(plural|select|selectordinal)\\s*,.*");
                open.add(message ? null : new StringBuilder());
            } else if (c == '}') {
                if (!open.isEmpty()) {
                    open.removeLast();
                }
            } else if (argument != null) {
                argument.append(c);
            } else {
                int vowel = "aeiouAEIOU".indexOf(c);
                c = vowel >= 0 ? "áéíóúÁÉÍÓÚ".charAt(vowel) : c;
            }
            out.append(c);
        }
        return out.append('⟧').toString();
    }

    @BeforeEach
    void chooseThePseudoLanguage() throws Exception {
        reader = new ConsoleClient(base);
        choose(reader);
        team = new ConsoleClient(base);
        team.ensureMember(MEMBER, "ADMIN");
        choose(team);
        assertEquals(302, team.signIn(MEMBER, TeamFixture.PASSWORD).statusCode(), "the team member signs in");
        var posts = ConsoleClient.page(team.open("console/posts/index.xhtml"));
        posts.select("#posts-table tbody td:nth-child(1), #posts-table tbody td:nth-child(3)").forEach(cell -> written.add(cell.text().strip()));
        ConsoleClient.page(team.open("console/team/index.xhtml")).select("tr[id^=member-] td:nth-child(1), tr[id^=member-] td:nth-child(2)")
                .forEach(cell -> written.add(cell.text().strip()));
        ConsoleClient.page(team.open("console/moderation/index.xhtml?filter=all")).select(".queue-item header strong")
                .forEach(name -> written.add(name.text().strip()));
        ConsoleClient.page(reader.open("archive")).select(".count-list.tags a").forEach(tag -> written.add(tag.text().strip()));
        written.removeIf(text -> !text.matches(".*\\p{L}.*\\p{L}.*"));
        assertTrue(written.contains(DemoContent.STAR_POST_TITLE), "the posts' titles are known: " + written);
    }

    /** The reader's way: the language link of a page, which keeps the choice in a cookie. */
    private void choose(ConsoleClient client) throws Exception {
        var home = ConsoleClient.page(client.open(""));
        var link = home.selectFirst("nav.languages a[hreflang=" + PSEUDO + "]");
        assertNotNull(link, "the added language is offered beside the shipped ones");
        assertEquals(303, client.get(link.attr("href")).statusCode());
    }

    @Test
    void everyViewOfTheWarSpeaksTheAddedLanguageAndSoDoItsRefusals() throws Exception {
        var views = views();
        assertTrue(views.contains("post.xhtml") && views.contains("console/settings/index.xhtml") && views.contains("WEB-INF/errors/404.xhtml"),
                "the views are read from the WAR: " + views);
        for (var view : views) {
            for (var page : pages(view)) {
                var response = page.client().open(page.path());
                assertEquals(page.status(), response.statusCode(), view + " at " + page.path());
                var doc = ConsoleClient.page(response);
                check(view + " at " + page.path(), doc, true);
                for (var form : doc.select("form[method=post]")) {
                    if (page.status() == 200 && isSafeToSendEmpty(view, form)) {
                        var refused = sendEmpty(page.client(), form);
                        if (refused.statusCode() / 100 == 3) {
                            refused = page.client().open(refused.headers().firstValue("Location").orElseThrow());
                        }
                        check(view + " sent empty (form " + form.id() + ")", ConsoleClient.page(refused), true);
                    }
                }
            }
        }
        var forged = reader.post("search", Map.of("q", "x"), "https://forged.example", "Accept", "text/html");
        assertEquals(403, forged.statusCode(), "a request another site sent is refused");
        check("a request another site sent", ConsoleClient.page(forged), true);
        assertNothingUntranslated();
    }

    @Test
    void theEmbedsFragmentsAndTheWidgetsOwnPagesSpeakTheLanguageThePageNames() throws Exception {
        var post = ConsoleClient.page(reader.open(DemoSite.STAR_PATH));
        var form = post.selectFirst("section.hc-comments form.hc-form");
        assertNotNull(form, "the post page carries the widget's form");
        var thread = URLEncoder.encode(form.selectFirst("input[name=hc-thread]").val(), StandardCharsets.UTF_8);
        var comment = post.selectFirst("[id^=comment-]").id().substring("comment-".length());
        var embed = "api/discussion?lang=" + PSEUDO + "&thread=" + thread;
        for (var fragment : List.of(embed, embed + "&sort=newest", embed + "&part=form", embed + "&part=form&reply=" + comment, embed + "&part=page&page=1")) {
            var response = reader.get(fragment);
            assertEquals(200, response.statusCode(), fragment);
            check(fragment, Jsoup.parseBodyFragment(response.body()), false);
        }
        var script = sendEmpty(reader, form, "X-Hearth-Fragment", "1");
        assertEquals(400, script.statusCode(), "an empty comment is refused");
        check("the embed's empty comment", Jsoup.parseBodyFragment(script.body()), false);

        var mastodon = post.selectFirst("a.hc-share-mastodon");
        assertNotNull(mastodon, "the share bar links to Mastodon");
        check("the Mastodon page", ConsoleClient.page(reader.open(mastodon.attr("href"))), true);
        var refused = reader.get(mastodon.attr("href") + "&instance=" + URLEncoder.encode("https://not a server/", StandardCharsets.UTF_8));
        assertEquals(400, refused.statusCode());
        check("the Mastodon page refusing a server", ConsoleClient.page(refused), true);

        var browser = new String[] {"Accept-Language", PSEUDO};
        for (var link : List.of("api/unsubscribe?token=1.forged", "api/confirm-address?token=1.forged", "api/follow?token=1.forged",
                "api/follow/stop?token=1.forged")) {
            check(link, ConsoleClient.page(reader.get(link, browser)), true);
        }
        assertNothingUntranslated();
    }

    @Test
    void formsWithChoicesAndFilesAndEveryFormOfAMembersPageAnswerInTheAddedLanguage() throws Exception {
        var settings = ConsoleClient.page(team.open("console/settings/index.xhtml"));
        answer("the settings with each group's first choice and every number x", send(team, settings.selectFirst("form#settings"), "x", true));
        var home = ConsoleClient.page(team.open("console/index.xhtml"));
        assertNotNull(home.selectFirst("form#notifications input[type=checkbox]"), "the notifications form has a checkbox");
        answer("the notifications with the box ticked and the address x", send(team, home.selectFirst("form#notifications"), "x", true));
        var members = ConsoleClient.page(team.open("console/team/index.xhtml"));
        answer("a new member named x", send(team, members.selectFirst("form#add"), "x", true));
        answer("a new member whose password is x", team.submit(members, "add", Map.of("add:username", "it-pseudo-new", "add:displayName", "New",
                "add:role", "AUTHOR", "add:password", "x", "add:go", "go")));
        var ban = ConsoleClient.page(team.open("console/bans/new.xhtml?comment=" + starComment()));
        answer("a ban's first choice, to review", send(team, ban.selectFirst("form#ban"), "x", true));

        var other = "it-pseudo-other";
        team.ensureMember(other, "AUTHOR");
        written.add("IT " + other);
        written.add(other);
        // the role, a password x, a reset link, removing the member and taking them back
        for (var form : List.of("roleChange", "passwordReset", "resetLink", "access", "access")) {
            var page = ConsoleClient.page(team.open("console/team/member.xhtml?username=" + other));
            answer("the member's form " + form, send(team, page.selectFirst("form#" + form), "x", true));
        }

        var editor = ConsoleClient.page(team.open("console/posts/edit.xhtml"));
        var notAnImage = team.submitWithFile(editor, "editor", Map.of("editor:imageAlt", "x", "editor:upload", "go"), "editor:image", "notes.png",
                "image/png", "not an image".getBytes(StandardCharsets.UTF_8));
        answer("an image that is no image", notAnImage);
        assertNotNull(ConsoleClient.page(notAnImage).selectFirst("[id='editor:image'] ~ .error, .error"), "the upload is refused");

        var noExport = team.upload("transfer/import?wait=true", "notes.xml", "<html><body/></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, noExport.statusCode(), noExport.body());
        var failed = ConsoleClient.page(team.open("console/transfer/index.xhtml?job=" + jobId(noExport)));
        assertNotNull(failed.selectFirst("#import-failure"), "the import failed");
        check("an import of a file that is no export", failed, true);
        var tooLong = team.upload("transfer/import?wait=true", "long.xml", TransferIT.exportWithATooLongPost("https://pseudo-" + System.nanoTime() + ".example.org"));
        var partly = ConsoleClient.page(team.open("console/transfer/index.xhtml?job=" + jobId(tooLong)));
        assertNotNull(partly.selectFirst("#import-errors li"), "the too long post is among the errors");
        check("an import with an error", partly, true);
        var noFile = team.upload("transfer/import", "", new byte[0], "Accept", "text/html");
        answer("the import form without a file", noFile);
        assertNothingUntranslated();
        assertEquals(303, noFile.statusCode(), "the form goes back to its page");
        assertNotNull(ConsoleClient.page(team.open(noFile.headers().firstValue("Location").orElseThrow())).selectFirst("#import-refused"));
    }

    /** Checks the page a form's answer leads to (following its redirect), whatever its status, under {@code where}. */
    private void answer(String where, HttpResponse<String> response) throws Exception {
        if (response.statusCode() / 100 == 3) {
            response = team.open(response.headers().firstValue("Location").orElseThrow());
        }
        check(where + " (" + response.statusCode() + ")", ConsoleClient.page(response), true);
    }

    private static String jobId(HttpResponse<String> response) {
        return jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject().getString("id");
    }

    /** The views of the WAR the test runs against: its .xhtml files but the templates and the pieces they include. */
    private static Set<String> views() throws IOException {
        try (var war = new ZipFile(System.getProperty("hearth.war", "target/hearth.war"))) {
            var views = new TreeSet<String>();
            war.stream().map(e -> e.getName()).filter(name -> name.endsWith(".xhtml"))
                    .filter(name -> !name.startsWith("WEB-INF/templates/") && !name.startsWith("WEB-INF/includes/"))
                    .forEach(views::add);
            return views;
        }
    }

    private record Page(ConsoleClient client, String path, int status) {
    }

    /** Where each view is seen, by whom, and with what status. */
    private List<Page> pages(String view) throws Exception {
        return switch (view) {
            case "index.xhtml" -> read("", "?page=2");
            case "about.xhtml" -> read("about");
            case "archive.xhtml" -> read("archive");
            case "month.xhtml" -> read(link(reader, "archive", "main a[href~=/archive/\\d{4}/\\d{2}$]"));
            case "post.xhtml" -> read(DemoSite.STAR_PATH);
            case "tag.xhtml" -> read(link(reader, DemoSite.STAR_PATH, ".post-tags a"));
            case "author.xhtml" -> read(link(reader, DemoSite.STAR_PATH, "article.post a.author"));
            case "search.xhtml" -> read("search", "search?q=community", "search?q=zzzqqq");
            case "sign-in.xhtml" -> read("sign-in.xhtml");
            case "reset-password.xhtml" -> read("reset-password.xhtml?token=1.forged");
            case "setup.xhtml" -> read("setup.xhtml");
            case "WEB-INF/errors/refused.xhtml" -> List.of(new Page(reader, "it/status?code=400", 400));
            case "WEB-INF/errors/403.xhtml" -> List.of(new Page(reader, "it/status?code=403", 403));
            case "WEB-INF/errors/404.xhtml" -> List.of(new Page(reader, "no-such-page", 404));
            case "WEB-INF/errors/500.xhtml" -> List.of(new Page(reader, "it/status?code=500", 500));
            case "WEB-INF/errors/503.xhtml" -> List.of(new Page(reader, "it/status?code=503", 503));
            case "console/index.xhtml" -> console("console/index.xhtml");
            case "console/posts/index.xhtml" -> console("console/posts/index.xhtml");
            case "console/posts/edit.xhtml" -> console("console/posts/edit.xhtml",
                    link(team, "console/posts/index.xhtml", "a[href*=edit.xhtml?id=]"));
            case "console/inbox/index.xhtml" -> console("console/inbox/index.xhtml", "console/inbox/index.xhtml?first=true");
            case "console/moderation/index.xhtml" -> console("console/moderation/index.xhtml", "console/moderation/index.xhtml?filter=all");
            case "console/moderation/search.xhtml" -> console("console/moderation/search.xhtml", "console/moderation/search.xhtml?q=community");
            case "console/moderation/commenter.xhtml" -> console("console/moderation/commenter.xhtml?comment=" + starComment());
            case "console/bans/index.xhtml" -> console("console/bans/index.xhtml");
            case "console/bans/new.xhtml" -> console("console/bans/new.xhtml?comment=" + starComment());
            case "console/dashboard/index.xhtml" -> console("console/dashboard/index.xhtml");
            case "console/team/index.xhtml" -> console("console/team/index.xhtml");
            case "console/team/member.xhtml" -> console("console/team/member.xhtml?username=" + MEMBER);
            case "console/mail/index.xhtml" -> console("console/mail/index.xhtml");
            case "console/settings/index.xhtml" -> console("console/settings/index.xhtml");
            case "console/transfer/index.xhtml" -> console("console/transfer/index.xhtml");
            default -> throw new AssertionError(view + " is a view of the WAR this test does not render: give it an address in pages()");
        };
    }

    private List<Page> read(String... paths) {
        return java.util.Arrays.stream(paths).map(path -> new Page(reader, path, 200)).toList();
    }

    private List<Page> console(String... paths) {
        return java.util.Arrays.stream(paths).map(path -> new Page(team, path, 200)).toList();
    }

    /** The address of the first link this selector finds on the page at {@code path}. */
    private static String link(ConsoleClient client, String path, String selector) throws Exception {
        var link = ConsoleClient.page(client.open(path)).selectFirst(selector);
        assertNotNull(link, selector + " on " + path);
        return link.attr("href");
    }

    private String starComment() throws Exception {
        return ConsoleClient.page(reader.open(DemoSite.STAR_PATH)).selectFirst("[id^=comment-]").id().substring("comment-".length());
    }

    /** A form sent empty shows its refusals; never one that signs out, deletes or changes a member without input. */
    private static boolean isSafeToSendEmpty(String view, Element form) {
        return !form.select("input[type=text], input[type=email], input[type=url], input[type=password], input[type=search], textarea").isEmpty()
                && form.select("input[type=file]").isEmpty() && !view.equals("console/team/member.xhtml");
    }

    /** Sends this form with its hidden fields, every other field empty (a select's first option) and its first button. */
    private static HttpResponse<String> sendEmpty(ConsoleClient client, Element form, String... headers) throws Exception {
        return send(client, form, "", false, headers);
    }

    /**
     * Sends this form with its hidden fields, {@code text} in every other field (a select's first option), when
     * {@code choose} each group's first radio button and every checkbox ticked, and its first button.
     */
    private static HttpResponse<String> send(ConsoleClient client, Element form, String text, boolean choose, String... headers) throws Exception {
        var fields = new ArrayList<Map.Entry<String, String>>();
        for (var input : form.select("input[type=hidden][name]")) {
            fields.add(Map.entry(input.attr("name"), input.val()));
        }
        for (var input : form.select("input[name]:not([type=hidden]):not([type=submit]):not([type=checkbox]):not([type=radio]):not([type=file]), textarea[name]")) {
            fields.add(Map.entry(input.attr("name"), input.hasAttr("readonly") ? input.val() : text));
        }
        if (choose) {
            var groups = new java.util.HashSet<String>();
            form.select("input[type=radio][name]:not([disabled])").stream().filter(radio -> groups.add(radio.attr("name")))
                    .forEach(radio -> fields.add(Map.entry(radio.attr("name"), radio.val())));
            form.select("input[type=checkbox][name]").forEach(box -> fields.add(Map.entry(box.attr("name"), box.hasAttr("value") ? box.val() : "on")));
        }
        for (var select : form.select("select[name]")) {
            var first = select.selectFirst("option");
            fields.add(Map.entry(select.attr("name"), first == null ? "" : first.val()));
        }
        var button = form.selectFirst("button[type=submit][name], input[type=submit][name], button:not([type])[name]");
        if (button != null) {
            fields.add(Map.entry(button.attr("name"), button.val()));
        }
        return client.post(form.absUrl("action").isEmpty() ? form.attr("action") : form.absUrl("action"), fields, null, headers);
    }

    /** Adds what {@code doc} shows untranslated to the findings, under {@code where}. */
    private void check(String where, Document doc, boolean wholePage) {
        if (wholePage) {
            var html = doc.selectFirst("html");
            if (!PSEUDO.equals(html.attr("lang")) || !html.attr("dir").equals("ltr")) {
                untranslated.add(where + ": <html lang=\"" + html.attr("lang") + "\" dir=\"" + html.attr("dir") + "\">");
            }
        }
        var page = doc.clone();
        // What the allowed elements say stands elsewhere on the page too ("⟦Profile⟧: Maya").
        var written = new TreeSet<>(this.written);
        ALLOWED.keySet().forEach(selector -> page.select(selector).forEach(element -> {
            if (element.text().matches(".*\\p{L}.*\\p{L}.*")) {
                written.add(element.text().strip());
            }
            element.remove();
        }));
        page.traverse(new NodeVisitor() {
            /** Inside ⟦…⟧ of a text whose parts are split by elements, such as "⟦By <a>Rosa</a>⟧". */
            private int open;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element && !isInline(element)) {
                    open = 0;
                }
                if (node instanceof TextNode text) {
                    var content = text.text();
                    if (open == 0 && isUntranslated(without(written, content))) {
                        untranslated.add(where + ": text \"" + content.strip() + "\" in " + path(text.parent()));
                    }
                    open += count(content, '⟦') - count(content, '⟧');
                    open = Math.max(open, 0);
                }
                if (node instanceof Element element) {
                    for (var name : CHECKED_ATTRIBUTES) {
                        if (element.hasAttr(name) && isUntranslated(without(written, element.attr(name)))) {
                            untranslated.add(where + ": " + name + "=\"" + element.attr(name) + "\" of " + path(element));
                        }
                    }
                    if (element.is("input[type=submit], input[type=button], input[type=reset]") && isUntranslated(element.val())) {
                        untranslated.add(where + ": value=\"" + element.val() + "\" of " + path(element));
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && !isInline(element)) {
                    open = 0;
                }
            }
        });
    }

    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "kbd", "mark", "q", "s",
            "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "br", "label", "output", "data");

    private static boolean isInline(Element element) {
        return INLINE.contains(element.normalName());
    }

    /**
     * Whether a text a reader sees was not pseudo-translated: what is left of it outside ⟦…⟧ holds a word (two
     * letters or more) that is no brand name; numbers, punctuation and addresses are the same in every language.
     */
    static boolean isUntranslated(String text) {
        var outside = text.replaceAll("⟦[^⟧]*⟧", " ").replaceAll("⟦.*", " ").replaceAll(".*⟧", " ")
                .replaceAll("\\S*\\w\\.\\w\\S*", " "); // addresses, such as mastodon.social or name@example.org
        for (var word : outside.split("[^\\p{L}\\p{M}]+")) {
            if (word.codePointCount(0, word.length()) >= 2 && !BRANDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} without any of {@code written} (longest first), each where it stands as a whole. */
    private static String without(Set<String> written, String text) {
        for (var part : written) {
            if (text.contains(part)) {
                text = text.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])", " ");
            }
        }
        return text;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    private static String path(Element element) {
        var path = new StringBuilder();
        for (var e = element; e != null && !e.normalName().equals("body") && !e.normalName().equals("#root"); e = e.parent()) {
            path.insert(0, " > " + e.normalName() + (e.id().isEmpty() ? "" : "#" + e.id())
                    + (e.className().isEmpty() ? "" : "." + e.className().replace(' ', '.')));
        }
        return path.length() > 3 ? path.substring(3) : element.normalName();
    }

    private void assertNothingUntranslated() {
        assertTrue(untranslated.isEmpty(), untranslated.size() + " texts left untranslated:\n" + String.join("\n", untranslated));
    }
}

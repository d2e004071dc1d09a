package org.hearth.comments.render;

import static org.hearth.comments.comment.Comments.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.hearth.comments.comment.CommentAuthor;
import org.hearth.comments.comment.CommentService;

import org.hearth.comments.comment.CommentTree;
import org.hearth.comments.host.Badge;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.Languages;
import org.hearth.comments.host.TeamMember;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders every part of the widget in a pseudo-language generated at test time (each English text between ⟦ and ⟧,
 * as Esperanto, which Hearth does not ship) and fails on any text a reader sees that did not come from the bundle: a
 * text left in the code. The bundle is put on the class path as a site owner adds a language, so this also proves that
 * a properties file is all a new language takes.
 */
class PseudoLocaleTest {

    private static final Locale PSEUDO = Locale.of("eo");
    private static final List<String> CHECKED_ATTRIBUTES = List.of("title", "aria-label", "placeholder", "alt", "value");
    /** What readers wrote or the calendar says: names, bodies, counts, dates, the site's address. */
    private static final String USER_CONTENT = ".hc-author, .hc-avatar, .hc-body, .hc-in-reply-to a, time, .hc-absolute, .hc-smile-count, .hc-preview > :not(h4), textarea";

    @TempDir
    static Path classes;

    private static ClassLoader previous;
    private static DiscussionRenderer renderer;

    @BeforeAll
    static void addThePseudoLanguage() throws IOException {
        var english = new Properties();
        try (var in = PseudoLocaleTest.class.getResourceAsStream("/org/hearth/comments/messages.properties")) {
            english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        var pseudo = new Properties();
        english.forEach((key, value) -> pseudo.put(key, "⟦" + value + "⟧"));
        var folder = Files.createDirectories(classes.resolve("org/hearth/comments"));
        try (Writer out = Files.newBufferedWriter(folder.resolve("messages_eo.properties"))) {
            pseudo.store(out, "pseudo-language of PseudoLocaleTest");
        }
        previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[] {classes.toUri().toURL()}, PseudoLocaleTest.class.getClassLoader()));
        renderer = DiscussionRenderer.of(PSEUDO);
    }

    @AfterAll
    static void restore() {
        Thread.currentThread().setContextClassLoader(previous);
    }

    @Test
    void aLanguageAddedAsAPropertiesFileIsFound() {
        assertEquals(PSEUDO, renderer.messages().locale());
        assertEquals(Optional.of(PSEUDO), Languages.of().find("eo"));
    }

    @Test
    void everyTextOfTheDiscussionComesFromTheBundle() {
        var root = comment("Maya", null, 5);
        var reply = comment(CommentAuthor.team(new TeamMember("Rosa", Badge.AUTHOR), null, null), "Thanks", root, 5, CommentStatus.APPROVED);
        var mine = comment("Nia", null, 5, CommentStatus.PENDING);
        var gone = comment("Gone", null, 5, CommentStatus.DELETED);
        var answer = comment("Tom", gone, 5);
        var nodes = CommentTree.build(List.of(root, mine, gone), List.of(reply, answer), Set.of(mine.getId()));
        var page = new CommentService.ThreadPage(Optional.empty(), nodes, 1, true, 9);
        var form = FormInput.of(Map.of(FormInput.BODY, "typed", FormInput.PARENT, String.valueOf(root.getId())))
                .refuse("name", renderer.messages().get("notify.needs.email"));
        var d = new Discussion("post-1", page, CommentService.Sort.TOP, 9, c -> true, 15, "/api", "token", root.getId(), null,
                form, Instant.now());
        var out = new StringBuilder();
        renderer.discussion(out, d);
        renderer.form(out, d, null, null, mine);
        renderer.removed(out);
        renderer.announcement(out, renderer.messages().get("announce.posted"));
        renderer.notice(out, renderer.messages().get("origin.refused", "https://other.example", "https://site.example"));
        assertAllTranslated(renderer.page(new StringBuilder(), renderer.messages().get("page.title.refused"), "/comments.css", "/back",
                out).toString());
    }

    private static void assertAllTranslated(String html) {
        var doc = Jsoup.parse(html);
        assertEquals("eo", doc.selectFirst("html").attr("lang"));
        var untranslated = new ArrayList<String>();
        doc.select(USER_CONTENT).remove();
        for (var element : doc.getAllElements()) {
            for (var node : element.textNodes()) {
                var text = node.text().strip();
                if (!text.isEmpty() && !text.matches("[\\d\\s\\p{Punct}\u263A]+") && !isPseudo(node, text)) {
                    untranslated.add("text \"" + text + "\" in <" + element.tagName() + " class=" + element.className() + ">");
                }
            }
            for (var name : CHECKED_ATTRIBUTES) {
                var value = element.attr(name);
                // A value is seen only on an input button; the other values are sent, not read.
                var shown = !name.equals("value") || element.is("input[type=submit], input[type=button]");
                if (shown && value.matches(".*\\p{L}{2,}.*") && !value.contains("⟦")) {
                    untranslated.add(name + "=\"" + value + "\" of <" + element.tagName() + ">");
                }
            }
        }
        assertTrue(untranslated.isEmpty(), "left untranslated:\n" + String.join("\n", untranslated));
    }

    /** A text of the bundle: it lies between ⟦ and ⟧, which may sit in neighbouring text nodes of the same element. */
    private static boolean isPseudo(TextNode node, String text) {
        if (text.contains("⟦") || text.contains("⟧")) {
            return true;
        }
        Element parent = (Element) node.parent();
        return parent != null && parent.text().contains("⟦");
    }
}

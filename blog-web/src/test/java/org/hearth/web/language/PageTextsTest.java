package org.hearth.web.language;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every text a page shows comes from a bundle: no reader, console or error page, and no part of the widget's share
 * bar, holds words of its own in a text or in an attribute a reader perceives ({@code title}, {@code aria-label},
 * {@code placeholder}, {@code alt}, a button's {@code value}). Only expressions ({@code #{...}}), punctuation, numbers
 * and the names below may stand in them.
 */
class PageTextsTest {

    private static final List<Path> PAGES = List.of(Path.of("src/main/webapp"),
            Path.of("../comment-widget/src/main/resources/META-INF/resources"));
    private static final Set<String> ATTRIBUTES = Set.of("title", "aria-label", "placeholder", "alt");
    /** Expressions, and what is no word in any language: network names, a server name shown as an example. */
    private static final Pattern NOT_WORDS = Pattern.compile("https?://\\S+|mastodon\\.social|\\bRSS\\b|\\bAtom\\b|\\bUTC\\b");
    private static final Set<String> NOT_SHOWN = Set.of("script", "style", "cc:interface", "f:metadata", "ui:param", "code", "pre");

    @Test
    void noPageHoldsWordsOfItsOwn() throws Exception {
        var found = new ArrayList<String>();
        for (var root : PAGES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (var page : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                    check(page, found);
                }
            }
        }
        assertTrue(found.isEmpty(), "words outside the bundles:\n" + String.join("\n", found));
    }

    private static void check(Path page, List<String> found) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var document = factory.newDocumentBuilder().parse(page.toFile());
        walk(document.getDocumentElement(), page, found);
    }

    private static void walk(Node node, Path page, List<String> found) throws IOException {
        if (node instanceof Element element) {
            if (NOT_SHOWN.contains(element.getTagName())) {
                return;
            }
            for (int i = 0; i < element.getAttributes().getLength(); i++) {
                var attribute = element.getAttributes().item(i);
                var shownValue = attribute.getNodeName().equals("value")
                        && (element.getTagName().equals("input") && element.getAttribute("type").matches("submit|button|reset"));
                if ((ATTRIBUTES.contains(attribute.getNodeName()) || shownValue) && hasWords(attribute.getNodeValue())) {
                    found.add(page + ": " + attribute.getNodeName() + "=\"" + attribute.getNodeValue() + "\"");
                }
            }
        } else if (node.getNodeType() == Node.TEXT_NODE && hasWords(node.getNodeValue())) {
            found.add(page + ": \"" + node.getNodeValue().strip() + "\"");
        }
        for (var child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            walk(child, page, found);
        }
    }

    private static boolean hasWords(String text) {
        return NOT_WORDS.matcher(withoutExpressions(text)).replaceAll(" ").matches("(?s).*\\p{L}{2,}.*");
    }

    /** The text with each {@code #{...}} (braces nested in it included) replaced by a space. */
    private static String withoutExpressions(String text) {
        var out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && c == '#' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth = 1;
                i++;
                out.append(' ');
            } else if (depth > 0) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

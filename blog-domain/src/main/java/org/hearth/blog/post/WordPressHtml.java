package org.hearth.blog.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Shows a body as WordPress stores it: block-editor comments ({@code <!-- wp:paragraph -->}) are dropped,
 * {@code [caption]} shortcodes become {@code <figure>} with a {@code <figcaption>}, text outside block elements is
 * put into paragraphs at blank lines and line breaks at single newlines (what WordPress's {@code wpautop} does), and
 * the result is sanitized like every body ({@link Markdown#sanitize}).
 */
public final class WordPressHtml {

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);
    private static final Pattern CAPTION = Pattern.compile(
            "\\[caption[^\\]]*\\]\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)\\s*(.*?)\\[/caption\\]",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_START = Pattern.compile(
            "^\\s*<(?:p|div|figure|h[1-6]|ul|ol|li|blockquote|pre|table|hr|dl|section|article|aside|header|footer|address|details|form|iframe)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#([0-9]{1,7});");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|h[1-6]|li|blockquote|pre|figcaption|tr)>|<br\\s*/?>");

    private WordPressHtml() {
    }

    /** The sanitized HTML of a WordPress body. */
    public static String toHtml(String source) {
        return Markdown.sanitize(autop(captions(withoutBlockComments(source))));
    }

    /** The text of a WordPress body without markup, paragraphs separated by blank lines. */
    public static String plainText(String source) {
        var html = BLOCK_END.matcher(toHtml(source)).replaceAll("$0\n\n");
        var text = decode(TEXT_ONLY.sanitize(html));
        return PARAGRAPH_BREAK.splitAsStream(text).map(part -> part.strip().replaceAll("\\s+", " "))
                .filter(part -> !part.isEmpty()).reduce((a, b) -> a + "\n\n" + b).orElse("");
    }

    static String withoutBlockComments(String source) {
        return BLOCK_COMMENT.matcher(source).replaceAll("");
    }

    static String captions(String source) {
        return CAPTION.matcher(source).replaceAll(match -> Matcher.quoteReplacement(
                "<figure>" + match.group(1) + "<figcaption>" + match.group(2).strip() + "</figcaption></figure>"));
    }

    /**
     * WordPress's automatic paragraphs, simplified: each chunk between blank lines that does not start with a block
     * element becomes a paragraph, its single newlines line breaks.
     */
    static String autop(String html) {
        var out = new StringBuilder();
        for (var chunk : PARAGRAPH_BREAK.split(html.replace("\r\n", "\n").strip())) {
            var text = chunk.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (BLOCK_START.matcher(text).find()) {
                out.append(text);
            } else {
                out.append("<p>").append(text.replace("\n", "<br>\n")).append("</p>");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String decode(String escaped) {
        var numbered = NUMERIC_ENTITY.matcher(escaped).replaceAll(match ->
                Matcher.quoteReplacement(Character.toString(Integer.parseInt(match.group(1)))));
        return numbered.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ")
                .replace("&amp;", "&");
    }
}

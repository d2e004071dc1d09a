package org.hearth.comments.comment;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.hearth.comments.security.Hashes;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.hearth.comments.host.InvalidCommentException;

/**
 * A comment's Markdown and the HTML readers see. The Markdown is rendered by CommonMark with raw HTML escaped, then
 * sanitized by the OWASP HTML sanitizer: text formatting, quotes, lists, code and links only; links keep
 * {@code http}, {@code https} and {@code mailto} targets and get {@code rel="nofollow ugc noopener"}; no images,
 * scripts, styles, frames or event handlers, whatever the input.
 *
 * @param markdown the body as written
 * @param html     its sanitized HTML
 * @param hash     a fingerprint of the body in the form {@link TextRules#comparableBody} gives (insensitive to case,
 *                 blanks and invisible characters) to spot duplicates
 */
public record CommentBody(String markdown, String html, String hash) {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "a")
            .allowAttributes("href").onElements("a")
            .allowStandardUrlProtocols()
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();
    private static final Pattern LINK = Pattern.compile("<a\\s");

    /**
     * Renders and sanitizes {@code markdown}.
     *
     * @throws InvalidCommentException when the body is blank, longer than {@value Comment#BODY_MAX} characters, or holds
     *                                 text {@link TextRules#requireStorable} refuses
     */
    public static CommentBody of(String markdown) {
        var text = requireWritten(markdown);
        return new CommentBody(text, toHtml(text), Hashes.sha256(TextRules.comparableBody(text)));
    }

    /** The body stripped, checked: not blank, not too long, storable. */
    private static String requireWritten(String body) {
        if (TextRules.requireStorable("body", body) == null || body.isBlank()) {
            throw new InvalidCommentException("body", "blank", "Please write something.");
        }
        if (body.length() > Comment.BODY_MAX) {
            throw new InvalidCommentException("body", "too-long",
                    "A comment can be at most " + Comment.BODY_MAX + " characters long.");
        }
        return body.strip();
    }

    /**
     * A body written as HTML elsewhere (a comment imported from WordPress or Disqus): kept as it was, shown with its
     * paragraphs (blank lines) and line breaks, through the same sanitizer as every body, so it may carry emphasis,
     * quotes, lists, code and links, nothing more.
     *
     * @throws InvalidCommentException under the same rules as {@link #of}
     */
    public static CommentBody ofHtml(String html) {
        var source = requireWritten(html);
        var paragraphs = new StringBuilder();
        for (var paragraph : source.replace("\r\n", "\n").split("\n\\s*\n")) {
            paragraphs.append("<p>").append(paragraph.strip().replace("\n", "<br>")).append("</p>");
        }
        return new CommentBody(source, POLICY.sanitize(paragraphs.toString()), Hashes.sha256(TextRules.comparableBody(source)));
    }

    /**
     * The fingerprints a duplicate of this body may carry: its own, and the one comments stored before duplicates were
     * compared normalized carry (the body with its blanks collapsed, case and invisible characters kept).
     */
    public List<String> duplicateHashes() {
        return List.of(hash, Hashes.sha256(markdown.replaceAll("\\s+", " ")));
    }

    /** The sanitized HTML of {@code markdown}. */
    public static String toHtml(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** How many links readers will see in the body. */
    public int linkCount() {
        return (int) LINK.matcher(html).results().count();
    }
}

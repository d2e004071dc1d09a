package org.hearth.blog.post;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns the Markdown of a post into HTML that is safe to show: CommonMark, then the OWASP HTML sanitizer, so even raw
 * HTML in the source cannot bring scripts, styles, frames or event handlers into a page.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.IMAGES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("pre", "code", "hr", "figure", "figcaption", "dl", "dt", "dd")
                    .allowAttributes("class").matching(java.util.regex.Pattern.compile("language-[a-z0-9+#-]{1,20}")).onElements("code")
                    .toFactory());

    private Markdown() {
    }

    /** The sanitized HTML of {@code markdown}. */
    public static String toHtml(String markdown) {
        return sanitize(RENDERER.render(PARSER.parse(markdown)));
    }

    /** HTML with only what a post body may show: no scripts, styles, frames or event handlers. */
    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /**
     * A plain-text summary of {@code markdown}: its first paragraph, cut at a word boundary to at most
     * {@code maxLength} characters (an ellipsis marks a cut).
     */
    public static String summary(String markdown, int maxLength) {
        Node document = PARSER.parse(markdown);
        Node first = document.getFirstChild();
        while (first != null && !(first instanceof Paragraph)) {
            first = first.getNext();
        }
        return shorten(plainText(first == null ? document : first), maxLength);
    }

    /** The text with blanks collapsed, cut at a word boundary to at most {@code maxLength} characters (an ellipsis marks a cut). */
    static String shorten(String plainText, int maxLength) {
        var text = plainText.strip().replaceAll("\\s+", " ");
        if (text.length() <= maxLength) {
            return text;
        }
        var cut = text.substring(0, maxLength - 1);
        int lastSpace = cut.lastIndexOf(' ');
        return (lastSpace > maxLength / 2 ? cut.substring(0, lastSpace) : cut).stripTrailing() + "…";
    }

    /** The text of {@code markdown} without its markup, paragraphs separated by blank lines. */
    public static String plainText(String markdown) {
        var text = new StringBuilder();
        for (var block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            var part = plainText(block).strip();
            if (!part.isEmpty()) {
                text.append(text.isEmpty() ? "" : "\n\n").append(part);
            }
        }
        return text.toString();
    }

    private static String plainText(Node node) {
        var text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(Paragraph paragraph) {
                visitChildren(paragraph);
                text.append(' ');
            }

            @Override
            public void visit(Heading heading) {
                visitChildren(heading);
                text.append(' ');
            }

            @Override
            public void visit(FencedCodeBlock code) {
                text.append(code.getLiteral()).append(' ');
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                text.append(code.getLiteral()).append(' ');
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append(' ');
            }
        });
        return text.toString();
    }
}

package org.hearth.blog.post;

/**
 * The language a post's body is written in. Posts written in Hearth are Markdown; posts imported from WordPress keep
 * the HTML WordPress stored (block comments, {@code [caption]} shortcodes, paragraphs by blank lines), so they look as
 * they did. Either way readers get the same sanitized HTML ({@link Markdown#sanitize}).
 */
public enum BodyFormat {
    MARKDOWN {
        @Override
        public String toHtml(String source) {
            return Markdown.toHtml(source);
        }

        @Override
        public String plainText(String source) {
            return Markdown.plainText(source);
        }
    },
    /** HTML as WordPress stores it (see {@link WordPressHtml}). */
    WORDPRESS_HTML {
        @Override
        public String toHtml(String source) {
            return WordPressHtml.toHtml(source);
        }

        @Override
        public String plainText(String source) {
            return WordPressHtml.plainText(source);
        }
    };

    /** The sanitized HTML readers see. */
    public abstract String toHtml(String source);

    /** The text without markup, paragraphs separated by blank lines. */
    public abstract String plainText(String source);

    /** The first paragraph of the text, cut at a word boundary to at most {@code maxLength} characters. */
    public String summary(String source, int maxLength) {
        var text = plainText(source);
        var blank = text.indexOf("\n\n");
        return Markdown.shorten(blank < 0 ? text : text.substring(0, blank), maxLength);
    }
}

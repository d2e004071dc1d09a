package org.hearth.web.search;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Marks the words of a search in a text: the result is HTML in which the text is escaped and every occurrence of a word
 * (any case) is wrapped in {@code <mark>}. It is safe to insert unescaped, whatever the text and the words hold.
 */
public final class Highlighter {

    private final Pattern words;

    /** @param terms the words to mark; none marks nothing */
    public Highlighter(List<String> terms) {
        this.words = terms.isEmpty() ? null : Pattern.compile(terms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** {@code text} as escaped HTML with the words marked. */
    public String highlight(String text) {
        if (words == null) {
            return escape(text);
        }
        var html = new StringBuilder();
        var matcher = words.matcher(text);
        int done = 0;
        while (matcher.find()) {
            html.append(escape(text.substring(done, matcher.start())))
                    .append("<mark>").append(escape(matcher.group())).append("</mark>");
            done = matcher.end();
        }
        return html.append(escape(text.substring(done))).toString();
    }

    /**
     * About {@code length} characters of {@code text} around the first marked word, cut at spaces, with an ellipsis
     * where text was left out, as escaped HTML with the words marked; the start of the text when no word occurs.
     */
    public String snippet(String text, int length) {
        var flat = text.replaceAll("\\s+", " ").strip();
        int first = 0;
        if (words != null) {
            var matcher = words.matcher(flat);
            first = matcher.find() ? matcher.start() : 0;
        }
        int start = Math.max(0, first - length / 3);
        if (start > 0) {
            int space = flat.indexOf(' ', start);
            start = space < 0 || space >= first ? start : space + 1;
        }
        int end = Math.min(flat.length(), start + length);
        if (end < flat.length()) {
            int space = flat.lastIndexOf(' ', end);
            end = space > first ? space : end;
        }
        return (start > 0 ? "… " : "") + highlight(flat.substring(start, end)) + (end < flat.length() ? " …" : "");
    }

    /** {@code text} escaped for HTML text and attribute values. */
    public static String escape(String text) {
        var html = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}

package org.hearth.comments.render;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Escapes text for HTML, appending to a {@link StringBuilder}: a string without anything to escape is appended whole,
 * so the usual name or date costs one copy.
 */
public final class Html {

    private Html() {
    }

    /** Appends {@code value} as element text: {@code & < >} escaped. */
    public static StringBuilder text(StringBuilder out, String value) {
        return escape(out, value, false);
    }

    /** Appends {@code value} as a double-quoted attribute value: {@code & < > " '} escaped. */
    public static StringBuilder attribute(StringBuilder out, String value) {
        return escape(out, value, true);
    }

    /** Appends {@code when} to the second, as {@link Instant#toString()} writes it ({@code 2026-12-04T23:51:46Z}). */
    public static StringBuilder instant(StringBuilder out, Instant when) {
        var t = LocalDateTime.ofEpochSecond(when.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return out.append(when.truncatedTo(ChronoUnit.SECONDS));
        }
        out.append(t.getYear()).append('-');
        return two(two(two(two(two(out, t.getMonthValue()).append('-'), t.getDayOfMonth()).append('T'), t.getHour()).append(':'),
                t.getMinute()).append(':'), t.getSecond()).append('Z');
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** {@code value} escaped for an attribute value or element text. */
    public static String escape(String value) {
        return escape(new StringBuilder(value.length() + 16), value, true).toString();
    }

    static StringBuilder escape(StringBuilder out, String value, boolean attribute) {
        if (value == null) {
            return out;
        }
        int start = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            String replacement = switch (value.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\'' -> attribute ? "&#39;" : null;
                default -> null;
            };
            if (replacement != null) {
                out.append(value, start, i).append(replacement);
                start = i + 1;
            }
        }
        return out.append(value, start, length);
    }
}

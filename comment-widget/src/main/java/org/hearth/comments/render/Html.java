package org.hearth.comments.render;

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

    /** {@code value} escaped for an attribute value or element text. */
    public static String escape(String value) {
        return escape(new StringBuilder(value.length() + 16), value, true).toString();
    }

    private static StringBuilder escape(StringBuilder out, String value, boolean attribute) {
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

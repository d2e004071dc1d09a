package org.hearth.comments.render;

import static org.hearth.comments.render.Html.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.hearth.comments.comment.Comment;

/**
 * A commenter's picture. By default drawn from the name alone, as inline SVG: the initials in white on a colour chosen
 * by the name, so that one commenter always has the same one and the page asks no other host for anything. A site may
 * opt in to Gravatar or Libravatar ({@code hearth.comments.AVATARS}); those pictures are fetched by the reader's browser
 * from that service with the SHA-256 hash of the commenter's e-mail address, falling back to its generated pattern.
 */
public enum Avatars {

    /** Initials drawn here: no request to any other host. */
    INITIALS(null),
    /** Gravatar's picture for the address's hash. */
    GRAVATAR("https://gravatar.com/avatar/"),
    /** Libravatar's picture for the address's hash. */
    LIBRAVATAR("https://seccdn.libravatar.org/avatar/");

    /** Backgrounds under white initials: each has a contrast of at least 4.5:1 with white (WCAG AA). */
    static final List<String> COLOURS = List.of("#9a3412", "#1d4ed8", "#047857", "#7e22ce", "#be123c", "#0f766e",
            "#b45309", "#475569", "#a21caf", "#4338ca");

    private static final int SIZE = 40;

    private final String service;

    Avatars(String service) {
        this.service = service;
    }

    /** The source a setting's value names ({@code initials}, {@code gravatar}, {@code libravatar}); initials otherwise. */
    public static Avatars named(String value) {
        for (var avatars : values()) {
            if (avatars.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return avatars;
            }
        }
        return INITIALS;
    }

    /** Writes the picture of a comment's author: decorative, as the name stands beside it. */
    public StringBuilder write(StringBuilder out, Comment c) {
        var email = c.getAuthorEmail();
        if (service == null || email == null || email.isBlank()) {
            return initials(out, c.getAuthorName());
        }
        out.append("<img class=\"hc-avatar\" src=\"").append(service).append(hash(email))
                .append("?s=80&amp;d=identicon\" width=\"").append(SIZE).append("\" height=\"").append(SIZE)
                .append("\" alt=\"\" loading=\"lazy\" referrerpolicy=\"no-referrer\">");
        return out;
    }

    /** The initials of {@code name} on its colour, as inline SVG (centred and sized by the widget's style sheet). */
    static StringBuilder initials(StringBuilder out, String name) {
        var key = name == null ? "" : name;
        int slot = Math.floorMod(key.hashCode(), DRAWN.length());
        var drawn = DRAWN.get(slot);
        if (drawn == null || !drawn.name().equals(key)) {
            drawn = new Drawn(key, draw(new StringBuilder(256), key).toString());
            DRAWN.set(slot, drawn);
        }
        return out.append(drawn.svg());
    }

    /** Pictures drawn lately, in the slot of the name's hash: a page's commenters are drawn once, not at every render. */
    private static final AtomicReferenceArray<Drawn> DRAWN = new AtomicReferenceArray<>(1024);

    private record Drawn(String name, String svg) {
    }

    private static StringBuilder draw(StringBuilder out, String name) {
        out.append("<svg class=\"hc-avatar\" viewBox=\"0 0 40 40\" width=\"").append(SIZE).append("\" height=\"").append(SIZE)
                .append("\" aria-hidden=\"true\" focusable=\"false\"><circle cx=\"20\" cy=\"20\" r=\"20\" fill=\"")
                .append(colour(name)).append("\"/><text x=\"20\" y=\"20\" dy=\".35em\" font-size=\"16\" fill=\"#fff\">");
        return text(out, initials(name)).append("</text></svg>");
    }

    /** Up to two letters: the first of the first word and of the last one ("Maya Okafor" → "MO"); "?" for none. */
    static String initials(String name) {
        var text = name == null ? "" : name;
        String first = null;
        var last = "";
        int words = 0;
        for (int i = 0; i < text.length(); ) {
            while (i < text.length() && isSeparator(text.charAt(i))) {
                i++;
            }
            if (i == text.length()) {
                break;
            }
            int end = i;
            while (end < text.length() && !isSeparator(text.charAt(end))) {
                end++;
            }
            var letter = firstLetter(text, i, end);
            if (words++ == 0) {
                first = letter;
            } else {
                last = letter;
            }
            i = end;
        }
        var initials = ((first == null ? "" : first) + last).toUpperCase(Locale.ROOT);
        return initials.isEmpty() ? "?" : initials;
    }

    /** Words are separated by ASCII white space and punctuation (regular expressions' {@code [\\s\\p{Punct}]}). */
    private static boolean isSeparator(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c < 0x80 && PUNCTUATION.indexOf(c) >= 0;
    }

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private static String firstLetter(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int c = text.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                return Character.toString(c);
            }
            i += Character.charCount(c);
        }
        return "";
    }

    /** The colour of a name: the same for the same name however it is capitalized or spaced. */
    static String colour(String name) {
        var key = (name == null ? "" : name).strip().toLowerCase(Locale.ROOT);
        return COLOURS.get(Math.floorMod(key.hashCode(), COLOURS.size()));
    }

    private static String hash(String email) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

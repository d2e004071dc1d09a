package org.hearth.comments.comment;

import java.util.regex.Pattern;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;

/**
 * The widget's rules for text that visitors type, in one place: what can be stored at all, the form a name is stored
 * and shown in, the skeleton that tells lookalike names apart (Unicode TR39), and the form bodies are compared in to
 * spot duplicates.
 * <ul>
 * <li>No text field takes a NUL character, half of a surrogate pair, or U+FFFD, the replacement character that a
 * decoder puts where the bytes it was given were not valid UTF-8 (text damaged on its way).</li>
 * <li>A name is kept in NFKC, without default-ignorable characters (zero-width spaces and joiners, soft hyphens, byte
 * order marks, fillers), its blanks collapsed to single spaces and stripped: {@code "Ｒｏｓａ\u00A0 Lindqvist\u200B"}
 * becomes {@code "Rosa Lindqvist"}.</li>
 * <li>Two names look alike when their {@linkplain #nameSkeleton skeletons} are equal: case-folded, mapped through the
 * TR39 confusables (Cyrillic {@code а}, Greek {@code ο}, a zero for an {@code O}...), without combining marks.</li>
 * </ul>
 */
public final class TextRules {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final UnicodeSet IGNORABLE = new UnicodeSet("[:Default_Ignorable_Code_Point:]").freeze();
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();
    private static final Pattern BLANKS = Pattern.compile("[\\p{IsWhite_Space}\\p{Cntrl}]+");
    private static final Pattern MARKS = Pattern.compile("[\\p{Mn}\\p{Me}]+");

    private TextRules() {
    }

    /**
     * Refuses text that cannot be stored as typed: a NUL character, a lone surrogate, or U+FFFD (where a decoder
     * met bytes that were not valid UTF-8).
     *
     * @param field the input field, named in the refusal
     * @return the text, unchanged (null stays null)
     * @throws UnstorableTextException naming the field, reason {@code invalid-character}
     */
    public static String requireStorable(String field, String text) {
        var problem = problem(text);
        if (problem != null) {
            throw new UnstorableTextException(field, problem);
        }
        return text;
    }

    /**
     * What makes this text unstorable, or null when nothing does: {@code nul} (a NUL character), {@code damaged}
     * (U+FFFD) or {@code half} (a lone surrogate).
     */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '\0') {
                return "nul";
            }
            if (c == '\uFFFD') {
                return "damaged";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "half";
            }
        }
        return null;
    }

    /**
     * A name as it is stored and shown: NFKC, without default-ignorable characters, blanks and control characters
     * collapsed to single spaces, stripped. Empty when the name had nothing visible.
     */
    public static String normalizeName(String name) {
        var text = withoutIgnorables(NFKC.normalize(withoutIgnorables(name)));
        return BLANKS.matcher(text).replaceAll(" ").strip();
    }

    /**
     * The TR39 skeleton of a name, case-insensitive and without combining marks: two names whose skeletons are equal
     * look alike to a reader ({@code "Rosa Lindqvist"}, {@code "ROSA  LINDQVIST"}, {@code "Rоsa Lindqvist"} with a
     * Cyrillic {@code о}, {@code "Rosa Lindqvist\u200B"}...).
     */
    public static String nameSkeleton(String name) {
        var folded = UCharacter.foldCase(normalizeName(name), true);
        var skeleton = UCharacter.foldCase(CONFUSABLES.getSkeleton(folded), true);
        return MARKS.matcher(skeleton).replaceAll("");
    }

    /** Whether two names look alike (equal {@linkplain #nameSkeleton skeletons}). */
    public static boolean looksAlike(String name, String other) {
        return nameSkeleton(name).equals(nameSkeleton(other));
    }

    /**
     * A body in the form duplicates are compared in: NFKC, case-folded, without default-ignorable characters, blanks
     * collapsed to single spaces, stripped.
     */
    public static String comparableBody(String body) {
        return BLANKS.matcher(NFKC_CASEFOLD.normalize(body)).replaceAll(" ").strip();
    }

    private static String withoutIgnorables(String text) {
        if (!IGNORABLE.containsSome(text)) {
            return text;
        }
        var kept = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !IGNORABLE.contains(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}

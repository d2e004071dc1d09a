package org.hearth.comments.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words a comment is found by, and the words of a search, in one normal form: compatibility characters unified
 * (NFKC: full-width letters, ligatures such as "ﬁ"), lower case, accents and other marks dropped ("Café" and "CAFE" are
 * both {@code cafe}). A word is a run of letters and digits; anything else separates words (so an e-mail address
 * {@code ada.l@example.org} is the words {@code ada}, {@code l}, {@code example}, {@code org}). Words longer than
 * {@value #MAX_LENGTH} characters are cut to that length (a search for a longer word still finds it: words match by
 * their beginning).
 */
public final class SearchWords {

    /** The longest word kept, in characters (the column's width). */
    public static final int MAX_LENGTH = 40;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {
    }

    /** The distinct words of these texts (nulls skipped), in the order they first occur. */
    public static Set<String> of(String... texts) {
        var words = new LinkedHashSet<String>();
        for (var text : texts) {
            if (text != null) {
                words.addAll(split(text));
            }
        }
        return words;
    }

    /** The words of a text, in order, repeated words included. */
    public static List<String> split(String text) {
        var folded = MARKS.matcher(Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
                Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.splitAsStream(Normalizer.normalize(folded, Normalizer.Form.NFC))
                .filter(word -> !word.isEmpty())
                .map(word -> word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word)
                .toList();
    }

    /** The first string after every string that begins with {@code prefix} (for a range scan of an index); null when none. */
    public static String after(String prefix) {
        for (int i = prefix.length() - 1; i >= 0; i--) {
            char c = prefix.charAt(i);
            if (c != Character.MAX_VALUE) {
                return prefix.substring(0, i) + (char) (c + 1);
            }
        }
        return null;
    }
}

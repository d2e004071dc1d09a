package org.hearth.blog.post;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a reader's search query: at most {@value #QUERY_MAX} characters are read, control characters are
 * dropped, words are split at white space, lowercased and deduplicated, and at most {@value #TERMS_MAX} words of at
 * most {@value #TERM_MAX} characters are kept. Any text gives a (possibly empty) list: nothing a reader types fails.
 */
public final class SearchTerms {

    public static final int QUERY_MAX = 200;
    public static final int TERMS_MAX = 8;
    public static final int TERM_MAX = 50;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cf}&&[^\\s]]");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private SearchTerms() {
    }

    /** The query as it is searched and shown: cut to {@value #QUERY_MAX} characters, without control characters. */
    public static String clean(String query) {
        if (query == null) {
            return "";
        }
        var cut = query.length() > QUERY_MAX ? query.substring(0, QUERY_MAX) : query;
        if (!cut.isEmpty() && Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return CONTROL.matcher(cut).replaceAll("").strip();
    }

    /** The distinct lowercase words of {@code query}, in order. */
    public static List<String> of(String query) {
        var terms = new LinkedHashSet<String>();
        for (var word : SPACE.split(clean(query))) {
            if (!word.isEmpty() && terms.size() < TERMS_MAX) {
                terms.add((word.length() > TERM_MAX ? word.substring(0, TERM_MAX) : word).toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(terms);
    }
}

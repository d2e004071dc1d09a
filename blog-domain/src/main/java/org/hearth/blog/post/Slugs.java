package org.hearth.blog.post;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;

/**
 * The URL-safe names of posts, authors and tags: lowercase ASCII letters and digits in words joined by single hyphens,
 * such as {@code being-a-star-in-our-communities}.
 */
public final class Slugs {

    /** The regular expression every slug matches (also used by Bean Validation on the entities). */
    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    /** Whether {@code slug} is a well-formed slug of at most {@code maxLength} characters. */
    public static boolean isValid(String slug, int maxLength) {
        return slug != null && slug.length() <= maxLength && VALID.matcher(slug).matches();
    }

    /**
     * Derives a slug from free text: accents are dropped ({@code Café} becomes {@code cafe}), anything else that is not a
     * letter or digit separates words, and the result is cut at a word boundary to at most {@code maxLength} characters.
     *
     * @return the slug, or an empty string when the text holds no letter or digit of the ASCII range
     */
    public static String from(String text, int maxLength) {
        var ascii = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)).replaceAll("");
        var slug = trimHyphens(SEPARATORS.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-"));
        if (slug.length() > maxLength) {
            var cut = slug.substring(0, maxLength);
            int lastHyphen = cut.lastIndexOf('-');
            slug = trimHyphens(lastHyphen > 0 && slug.charAt(maxLength) != '-' ? cut.substring(0, lastHyphen) : cut);
        }
        return slug;
    }

    /**
     * Checks a slug given by a person.
     *
     * @param rule the rule of this kind of slug, such as {@link Phrase#POST_SLUG_FORM} (it names the limit and the slug)
     * @throws RuleException naming the rule the slug breaks
     */
    public static String require(Phrase rule, String slug, int maxLength) {
        if (!isValid(slug, maxLength)) {
            throw new RuleException(rule, maxLength, slug);
        }
        return slug;
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}

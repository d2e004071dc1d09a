package org.hearth.comments.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The languages a site speaks: English plus every language for which each of its message bundles has a properties
 * file on the class path ({@code org/hearth/comments/messages_de.properties} and so on). Hearth ships English, German,
 * French, Spanish and Arabic; a site owner adds a language by putting the translated properties files on the class
 * path (the server's {@code lib/classes} or the host's {@code WEB-INF/classes}) and restarting the application, without
 * rebuilding the widget.
 * <p>
 * It matches what readers and pages ask for (a {@code lang} attribute, a cookie, {@code Accept-Language}) against those
 * languages only, by language subtag, so that no request can make the widget load or keep anything else.
 * <pre>{@code
 * var languages = Languages.of("org.hearth.web.messages");   // the host's bundle and the widget's
 * Locale reader = languages.negotiate(request.getHeader("Accept-Language")).orElse(Locale.ENGLISH);
 * }</pre>
 */
public final class Languages {

    /** The base name of the widget's own bundle. */
    public static final String WIDGET_BUNDLE = "org.hearth.comments.messages";

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");
    private static final Map<Key, Languages> FOUND = new ConcurrentHashMap<>();

    private record Key(ClassLoader loader, List<String> bundles) {
    }

    private final List<Locale> available;

    private Languages(List<Locale> available) {
        this.available = List.copyOf(available);
    }

    /** The languages of the widget's bundle and of each of {@code hostBundles}, as the application's class loader finds them. */
    public static Languages of(String... hostBundles) {
        return of(loader(), hostBundles);
    }

    /** As {@link #of(String...)}, looking in {@code loader}. */
    public static Languages of(ClassLoader loader, String... hostBundles) {
        var bundles = new ArrayList<String>();
        bundles.add(WIDGET_BUNDLE);
        bundles.addAll(Arrays.asList(hostBundles));
        return FOUND.computeIfAbsent(new Key(loader, List.copyOf(bundles)), key -> new Languages(probe(key)));
    }

    /** The class loader of the running application (its thread's), else the widget's. */
    public static ClassLoader loader() {
        var context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Languages.class.getClassLoader();
    }

    private static List<Locale> probe(Key key) {
        var found = new ArrayList<Locale>();
        found.add(Locale.ENGLISH);
        for (var code : Locale.getISOLanguages()) {
            if (!code.equals("en") && key.bundles().stream().allMatch(b -> key.loader().getResource(b.replace('.', '/') + "_" + code + ".properties") != null)) {
                found.add(Locale.of(code));
            }
        }
        return found;
    }

    /** The languages, English first, then by language code. */
    public List<Locale> available() {
        return available;
    }

    /**
     * The language named by {@code tag} ({@code de}, {@code de-CH}, {@code pt_BR}...), when it is one of these:
     * matched by its language subtag only; empty for anything else, including text that is not a language tag.
     */
    public Optional<Locale> find(String tag) {
        if (tag == null || tag.length() > 35 || !LANGUAGE.matcher(tag.strip()).matches()) {
            return Optional.empty();
        }
        var stripped = tag.strip();
        int end = 0;
        while (end < stripped.length() && stripped.charAt(end) != '-' && stripped.charAt(end) != '_') {
            end++;
        }
        var language = stripped.substring(0, end);
        for (var locale : available) {
            if (locale.getLanguage().equalsIgnoreCase(language)) {
                return Optional.of(locale);
            }
        }
        return Optional.empty();
    }

    /** The language a browser prefers among these, from its {@code Accept-Language} header; empty when none fits. */
    public Optional<Locale> negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (var range : ranges) {
            if (range.getWeight() > 0 && !range.getRange().equals("*")) {
                var match = find(range.getRange());
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code rtl} for a language written from right to left (Arabic, Hebrew, Persian...), else {@code ltr}. */
    public static String direction(Locale locale) {
        return locale != null && RIGHT_TO_LEFT.contains(locale.getLanguage()) ? "rtl" : "ltr";
    }

    /** The language's own name, capitalized as a menu item starts (such as {@code Deutsch}, {@code العربية}). */
    public static String nativeName(Locale locale) {
        var name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? locale.getLanguage() : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}

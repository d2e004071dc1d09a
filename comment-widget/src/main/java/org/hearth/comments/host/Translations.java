package org.hearth.comments.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;

/**
 * Checks a translation against the English bundle it translates: every key present and no other, each pattern
 * readable by ICU's {@code MessageFormat}, the same arguments, no {@code choice} argument (in the English bundle
 * either), and every plural argument with each plural category CLDR names for the language (Arabic has six: {@code zero one two few many other}). Hearth's tests check its shipped
 * languages with it; {@link #logProblems} tells a site owner at start what a language they added lacks.
 */
public final class Translations {

    private static final Logger LOG = Logger.getLogger(Translations.class.getName());

    private Translations() {
    }

    /**
     * What is wrong with the translation of {@code baseName} (such as {@code org.hearth.comments.messages}) into
     * {@code language}, as {@code loader} finds both files; empty when nothing is.
     */
    public static List<String> problems(String baseName, Locale language, ClassLoader loader) {
        var english = read(loader, baseName.replace('.', '/') + ".properties");
        var path = baseName.replace('.', '/') + "_" + language.toLanguageTag().replace('-', '_') + ".properties";
        var translated = read(loader, path);
        var problems = new ArrayList<String>();
        if (translated == null) {
            problems.add(path + " is missing");
            return problems;
        }
        var categories = PluralRules.forLocale(ULocale.forLocale(language)).getKeywords();
        english.forEach((key, pattern) -> {
            var text = translated.get(key);
            if (text == null) {
                problems.add(path + ": " + key + " is missing");
                return;
            }
            try {
                var wanted = arguments(pattern, Set.of());
                var found = arguments(text, categories);
                if (!wanted.equals(found)) {
                    problems.add(path + ": " + key + " has the arguments " + found + ", English " + wanted);
                }
            } catch (IllegalArgumentException e) {
                problems.add(path + ": " + key + " " + e.getMessage());
            }
        });
        translated.keySet().stream().filter(key -> !english.containsKey(key))
                .forEach(key -> problems.add(path + ": " + key + " is not a key of the English bundle"));
        return problems;
    }

    /** Logs a warning for each problem of each language of {@code languages} but English. */
    public static void logProblems(Languages languages, ClassLoader loader, String... baseNames) {
        for (var language : languages.available()) {
            if (!language.getLanguage().equals("en")) {
                for (var baseName : baseNames) {
                    problems(baseName, language, loader).forEach(problem -> LOG.warning(() -> "Translation: " + problem));
                }
            }
        }
    }

    /**
     * The argument numbers of a pattern; throws when it is no ICU pattern, chooses by number ranges instead of plural
     * categories, or has a plural argument lacking one of {@code categories}.
     */
    private static Set<String> arguments(String pattern, Set<String> categories) {
        var parsed = new MessagePattern(pattern);
        var arguments = new TreeSet<String>();
        for (int i = 0; i < parsed.countParts(); i++) {
            var part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START) {
                arguments.add(parsed.getSubstring(parsed.getPart(i + 1)));
                if (part.getArgType() == MessagePattern.ArgType.CHOICE) {
                    throw new IllegalArgumentException("chooses by number ranges ({0,choice,…}): write {0,plural,…} with the language's plural categories");
                }
                if (part.getArgType() == MessagePattern.ArgType.PLURAL && !categories.isEmpty()) {
                    var selectors = new TreeSet<String>();
                    int limit = parsed.getLimitPartIndex(i);
                    for (int j = i + 2; j < limit; j++) {
                        if (parsed.getPart(j).getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                            selectors.add(parsed.getSubstring(parsed.getPart(j)));
                        }
                    }
                    if (!selectors.containsAll(categories)) {
                        var missing = new TreeSet<>(categories);
                        missing.removeAll(selectors);
                        throw new IllegalArgumentException("lacks the plural categories " + missing);
                    }
                }
            }
        }
        return arguments;
    }

    private static Map<String, String> read(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            var map = new TreeMap<String, String>();
            properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

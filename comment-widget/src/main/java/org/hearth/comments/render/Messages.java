package org.hearth.comments.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;

import org.hearth.comments.host.Languages;

/**
 * The widget's own strings ({@code org/hearth/comments/messages.properties}) in one language, each pattern parsed once:
 * a pattern with plain {@code {0}} placeholders is filled by concatenation, others (plurals, numbers) by a cached ICU
 * {@link MessageFormat}, which knows every language's CLDR plural categories. One instance per language, shared by
 * every thread. The languages are those of {@link Languages}: a properties file added to the class path is a new one.
 */
public final class Messages {

    private static final String BUNDLE = "org.hearth.comments.messages";
    private static final Map<ClassLoader, Map<Locale, Messages>> BY_LOADER = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
    private final Map<String, String> pluralForms = new ConcurrentHashMap<>();

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
        // The base bundle is English: its texts and dates then read in English, whatever the reader's browser says.
        this.locale = bundle.getLocale() == null || bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    /**
     * The strings in the language nearest to {@code locale} the widget has (English for any other), from the
     * application's class loader.
     */
    public static Messages of(Locale locale) {
        var loader = Languages.loader();
        var language = locale == null ? Locale.ENGLISH : Languages.of(loader).find(locale.toLanguageTag()).orElse(Locale.ENGLISH);
        return BY_LOADER.computeIfAbsent(loader, l -> new ConcurrentHashMap<>()).computeIfAbsent(language, l -> new Messages(ResourceBundle.getBundle(BUNDLE, l, loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));
    }

    /** The language of these strings (and of the dates written with them). */
    public Locale locale() {
        return locale;
    }

    /** Whether these strings have one for {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The string of {@code key} with its placeholders filled, or the key itself when there is no such string. */
    public String get(String key, Object... arguments) {
        return patterns.computeIfAbsent(key, this::parse).format(arguments);
    }

    /**
     * The forms of the plural argument that the text of {@code key} starts with, by selector ({@code one},
     * {@code other}, {@code =0}...), as a JSON object; {@code {}} when it has none.
     */
    public String pluralForms(String key) {
        return pluralForms.computeIfAbsent(key, k -> {
            var json = new StringBuilder("{");
            try {
                var pattern = new MessagePattern(bundle.getString(k));
                for (int i = 0; i < pattern.countParts(); i++) {
                    var part = pattern.getPart(i);
                    if (part.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                        int message = pattern.getPart(i + 1).getType().hasNumericValue() ? i + 2 : i + 1;
                        var start = pattern.getPart(message);
                        var limit = pattern.getPart(pattern.getLimitPartIndex(message));
                        json.append(json.length() > 1 ? "," : "").append('"').append(pattern.getSubstring(part)).append("\":\"")
                                .append(jsonText(pattern.getPatternString().substring(start.getLimit(), limit.getIndex()))).append('"');
                        i = pattern.getLimitPartIndex(message);
                    } else if (part.getType() == MessagePattern.Part.Type.ARG_LIMIT) {
                        break;
                    }
                }
            } catch (MissingResourceException | IllegalArgumentException e) {
                // no forms: the script keeps the rendered text
            }
            return json.append('}').toString();
        });
    }

    private static String jsonText(String text) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private Pattern parse(String key) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return new Plain(List.of(key), new int[0]);
        }
        var plain = Plain.parse(pattern);
        return plain != null ? plain : new Formatted(new MessageFormat(pattern, ULocale.forLocale(locale)));
    }

    private interface Pattern {
        String format(Object[] arguments);
    }

    /** Literal parts with {@code {n}} between them: {@code parts.get(i)} then {@code arguments[indexes[i]]}. */
    private record Plain(List<String> parts, int[] indexes) implements Pattern {

        /** The pattern as literal parts and indexes, or null when it needs {@link MessageFormat} (quotes, formats). */
        static Plain parse(String pattern) {
            var parts = new ArrayList<String>();
            var indexes = new ArrayList<Integer>();
            var literal = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\'') {
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                        literal.append('\'');
                        i++;
                        continue;
                    }
                    return null;
                }
                if (c == '{') {
                    int end = pattern.indexOf('}', i);
                    if (end < 0 || !pattern.substring(i + 1, end).matches("\\d")) {
                        return null;
                    }
                    parts.add(literal.toString());
                    literal.setLength(0);
                    indexes.add(pattern.charAt(i + 1) - '0');
                    i = end;
                    continue;
                }
                literal.append(c);
            }
            parts.add(literal.toString());
            return new Plain(List.copyOf(parts), indexes.stream().mapToInt(Integer::intValue).toArray());
        }

        @Override
        public String format(Object[] arguments) {
            if (indexes.length == 0) {
                return parts.getFirst();
            }
            var out = new StringBuilder(parts.getFirst());
            for (int i = 0; i < indexes.length; i++) {
                out.append(indexes[i] < arguments.length ? String.valueOf(arguments[indexes[i]]) : "{" + indexes[i] + "}").append(parts.get(i + 1));
            }
            return out.toString();
        }
    }

    /** A pattern ICU's {@link MessageFormat} parsed once; it is not thread-safe, so formatting takes its lock. */
    private record Formatted(MessageFormat format) implements Pattern {
        @Override
        public String format(Object[] arguments) {
            synchronized (format) {
                return format.format(arguments);
            }
        }
    }
}

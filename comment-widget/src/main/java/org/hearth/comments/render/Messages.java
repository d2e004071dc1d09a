package org.hearth.comments.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

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

    /** Appends the string of {@code key} as element text, escaped, its arguments filled without an interim string. */
    public StringBuilder text(StringBuilder out, String key, Object... arguments) {
        return patterns.computeIfAbsent(key, this::parse).append(out, arguments, false);
    }

    /** Appends the string of {@code key} as an attribute value, escaped, as {@link #text} does. */
    public StringBuilder attribute(StringBuilder out, String key, Object... arguments) {
        return patterns.computeIfAbsent(key, this::parse).append(out, arguments, true);
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

        /** Appends the text, escaped for HTML element text or an attribute value. */
        default StringBuilder append(StringBuilder out, Object[] arguments, boolean attribute) {
            return Html.escape(out, format(arguments), attribute);
        }
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
            return append(new StringBuilder(), arguments, null).toString();
        }

        @Override
        public StringBuilder append(StringBuilder out, Object[] arguments, boolean attribute) {
            return append(out, arguments, Boolean.valueOf(attribute));
        }

        /** Appends the parts and arguments, escaped as an attribute ({@code true}), as text ({@code false}) or not at all. */
        private StringBuilder append(StringBuilder out, Object[] arguments, Boolean attribute) {
            piece(out, parts.getFirst(), attribute);
            for (int i = 0; i < indexes.length; i++) {
                piece(out, indexes[i] < arguments.length ? String.valueOf(arguments[indexes[i]]) : "{" + indexes[i] + "}", attribute);
                piece(out, parts.get(i + 1), attribute);
            }
            return out;
        }

        private static void piece(StringBuilder out, String piece, Boolean attribute) {
            if (attribute == null) {
                out.append(piece);
            } else {
                Html.escape(out, piece, attribute);
            }
        }
    }

    /**
     * A pattern ICU's {@link MessageFormat} parsed once. A call with a small count first and texts after (most of the
     * renderer's: "{0} smiles. Smile at {1}'s comment") is filled from a {@link Plain} template made once per count, so
     * a page of comments formats no number; other calls take the format's lock, as it is not thread-safe.
     */
    private static final class Formatted implements Pattern {

        private static final int KEPT_COUNTS = 256;
        /** Stand-ins for text arguments 1 to 9 while a template is made: private-use characters no pattern holds. */
        private static final char FIRST_STAND_IN = '\uE001';

        private final MessageFormat format;
        private final AtomicReferenceArray<Template> templates = new AtomicReferenceArray<>(KEPT_COUNTS);

        Formatted(MessageFormat format) {
            this.format = format;
        }

        @Override
        public String format(Object[] arguments) {
            int count = templateCount(arguments);
            if (count < 0) {
                return formatLocked(arguments);
            }
            return template(count, arguments).plain().format(arguments);
        }

        @Override
        public StringBuilder append(StringBuilder out, Object[] arguments, boolean attribute) {
            int count = templateCount(arguments);
            return count < 0 ? Html.escape(out, formatLocked(arguments), attribute)
                    : template(count, arguments).plain().append(out, arguments, attribute);
        }

        private Template template(int count, Object[] arguments) {
            var template = templates.get(count);
            if (template == null || template.arguments() != arguments.length) {
                template = template(count, arguments.length);
                templates.set(count, template);
            }
            return template;
        }

        private String formatLocked(Object[] arguments) {
            synchronized (format) {
                return format.format(arguments);
            }
        }

        /** The count a template can fill these arguments for, or -1. */
        private static int templateCount(Object[] arguments) {
            if (arguments.length == 0 || arguments.length > 9 || !(arguments[0] instanceof Integer || arguments[0] instanceof Long)) {
                return -1;
            }
            long count = ((Number) arguments[0]).longValue();
            for (int i = 1; i < arguments.length; i++) {
                if (!(arguments[i] instanceof String)) {
                    return -1;
                }
            }
            return count >= 0 && count < KEPT_COUNTS ? (int) count : -1;
        }

        /** The text for {@code count} with stand-ins for the text arguments, cut into literal parts around them. */
        private Template template(int count, int arguments) {
            var standIns = new Object[arguments];
            standIns[0] = count;
            for (int i = 1; i < arguments; i++) {
                standIns[i] = String.valueOf((char) (FIRST_STAND_IN + i - 1));
            }
            var text = formatLocked(standIns);
            var parts = new ArrayList<String>();
            var indexes = new ArrayList<Integer>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                int index = text.charAt(i) - FIRST_STAND_IN + 1;
                if (index >= 1 && index < arguments) {
                    parts.add(text.substring(start, i));
                    indexes.add(index);
                    start = i + 1;
                }
            }
            parts.add(text.substring(start));
            return new Template(new Plain(List.copyOf(parts), indexes.stream().mapToInt(Integer::intValue).toArray()), arguments);
        }

        private record Template(Plain plain, int arguments) {
        }
    }
}

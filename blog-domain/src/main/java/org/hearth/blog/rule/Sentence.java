package org.hearth.blog.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Phrase} with its arguments (numbers, names, lines, or other sentences), kept without words until a page
 * says it in its reader's language; so it can also be kept, and read later by someone who speaks another language.
 */
public record Sentence(Phrase phrase, List<Object> arguments) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    public Sentence {
        Objects.requireNonNull(phrase, "phrase");
        if (arguments.size() != phrase.arity()) {
            throw new IllegalArgumentException(phrase + " takes " + phrase.arity() + " arguments, not " + arguments.size());
        }
        arguments = List.copyOf(arguments.stream().map(argument -> argument == null ? "" : argument).toList());
    }

    public static Sentence of(Phrase phrase, Object... arguments) {
        return new Sentence(phrase, Arrays.asList(arguments));
    }

    /** The sentence in English, for logs and programs (never for a page: it says {@link Phrase#key()} from its bundle). */
    public String english() {
        return PLACEHOLDER.matcher(phrase.english()).replaceAll(placeholder -> {
            var argument = arguments.get(Integer.parseInt(placeholder.group(1)));
            return Matcher.quoteReplacement(argument instanceof Sentence inner ? inner.english() : String.valueOf(argument));
        });
    }

    @Override
    public String toString() {
        return english();
    }
}

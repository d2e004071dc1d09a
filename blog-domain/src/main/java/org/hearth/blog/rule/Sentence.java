package org.hearth.blog.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Phrase} with its arguments (numbers, names, lines, or other sentences), kept without words until a page
 * says it in its reader's language; so it can also be kept, and read later by someone who speaks another language.
 */
public record Sentence(Phrase phrase, List<Object> arguments) {

    public Sentence {
        Objects.requireNonNull(phrase, "phrase");
        arguments = List.copyOf(arguments.stream().map(argument -> argument == null ? "" : argument).toList());
    }

    public static Sentence of(Phrase phrase, Object... arguments) {
        return new Sentence(phrase, Arrays.asList(arguments));
    }

    /** The sentence in English, for logs and programs (never for a page: it says {@link Phrase#key()} from its bundle). */
    public String english() {
        var text = phrase.english();
        for (int i = 0; i < arguments.size(); i++) {
            var argument = arguments.get(i);
            text = text.replace("{" + i + "}", argument instanceof Sentence inner ? inner.english() : String.valueOf(argument));
        }
        return text;
    }

    @Override
    public String toString() {
        return english();
    }
}

package org.hearth.comments.comment;

import java.util.Locale;

import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.render.Messages;

/**
 * Text {@link TextRules#requireStorable} refuses (reason {@code invalid-character}), knowing which character it was,
 * so that the refusal can be told in the reader's language; its message is the English one, for the JSON API.
 */
public final class UnstorableTextException extends InvalidCommentException {

    private static final long serialVersionUID = 1L;

    private final String problem;

    UnstorableTextException(String field, String problem) {
        super(field, "invalid-character", Messages.of(Locale.ENGLISH).get(key(problem)));
        this.problem = problem;
    }

    /** The key of this refusal in the widget's bundle, such as {@code refused.invalid-character.nul}. */
    public String messageKey() {
        return key(problem);
    }

    private static String key(String problem) {
        return "refused.invalid-character." + problem;
    }
}

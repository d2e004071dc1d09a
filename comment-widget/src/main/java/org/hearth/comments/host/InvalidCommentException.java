package org.hearth.comments.host;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A comment refused: it names the field at fault ({@code name}, {@code body}, {@code parentId}...), a stable reason
 * code for programs, and a sentence for people. Nothing is stored for a refused comment.
 */
public class InvalidCommentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;
    private final boolean tooMany;
    private final Duration retryAfter;

    public InvalidCommentException(String field, String reason, String message) {
        this(field, reason, message, false);
    }

    /** @param tooMany the client posts too often (HTTP 429) rather than sent bad input (HTTP 400) */
    public InvalidCommentException(String field, String reason, String message, boolean tooMany) {
        this(field, reason, message, tooMany, null);
    }

    /** The client posts too often (HTTP 429), and may try again after {@code retryAfter}. */
    public InvalidCommentException(String field, String reason, String message, Duration retryAfter) {
        this(field, reason, message, true, retryAfter);
    }

    private InvalidCommentException(String field, String reason, String message, boolean tooMany, Duration retryAfter) {
        super(message);
        this.field = field;
        this.reason = reason;
        this.tooMany = tooMany;
        this.retryAfter = retryAfter;
    }

    /** The input field at fault, as named in the JSON API and the form. */
    public String getField() {
        return field;
    }

    /** A stable, machine-readable reason, such as {@code too-long} or {@code duplicate}. */
    public String getReason() {
        return reason;
    }

    /** True when the client posted too often, rather than sent bad input. */
    public boolean isTooMany() {
        return tooMany;
    }

    /**
     * When the client posted too often: the whole seconds until it may post again, for an HTTP {@code Retry-After}
     * header; empty when unknown or not {@linkplain #isTooMany() too many}.
     */
    public OptionalLong retryAfterSeconds() {
        return retryAfter == null ? OptionalLong.empty() : OptionalLong.of(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}

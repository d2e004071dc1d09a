package org.hearth.comments.host;

/**
 * A value a settings form sent that cannot be stored; nothing was changed.
 * <p>
 * Reasons: {@code required} (empty), {@code number} (not a whole number), {@code range} (outside
 * {@link EditableSetting#min()}..{@link EditableSetting#max()}), {@code choice} (no such moderation mode),
 * {@code origin} (not an origin such as {@code https://example.org}), {@code too-many} (more origins than
 * {@link EditableSetting#max()}).
 */
public class InvalidSettingException extends RuntimeException {

    private final transient EditableSetting setting;
    private final String reason;
    private final String value;

    /** A value of {@code setting} refused for {@code reason}; {@code value} is the offending text. */
    public InvalidSettingException(EditableSetting setting, String reason, String value) {
        super(setting + ": " + reason + " (" + value + ")");
        this.setting = setting;
        this.reason = reason;
        this.value = value;
    }

    public EditableSetting setting() {
        return setting;
    }

    public String reason() {
        return reason;
    }

    /** The text that was refused (an origin of a list, or the count of origins for {@code too-many}). */
    public String value() {
        return value;
    }
}

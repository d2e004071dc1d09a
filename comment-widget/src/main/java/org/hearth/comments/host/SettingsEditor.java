package org.hearth.comments.host;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hearth.comments.config.CommentSettings;

/**
 * What a host's settings page needs to show and change the widget's {@link EditableSetting}s. A change is stored in
 * the widget's database and counts at once on every server; a setting left at its default follows the context
 * parameter of {@code web.xml} (or the widget's default) when that changes later.
 * <pre>{@code
 * var revision = editor.revision();                      // shown with the form, sent back with it
 * editor.change(revision, Map.of(EditableSetting.PAGE_SIZE, "20"));   // false: someone saved in between
 * }</pre>
 */
@ApplicationScoped
public class SettingsEditor {

    @Inject
    private CommentSettings settings;

    @Inject
    private RefusedOrigins refused;

    /** The setting's value now, as a form shows it. */
    public String value(EditableSetting setting) {
        return settings.text(setting);
    }

    /** The setting's value when nobody changed it: its context parameter or the widget's default. */
    public String defaultValue(EditableSetting setting) {
        return settings.defaultText(setting);
    }

    /** The revision of the stored settings now; a form sends it back to {@link #change}. */
    public long revision() {
        return settings.revision();
    }

    /**
     * Stores these values (settings left out keep theirs).
     *
     * @return false, changing nothing, when the settings changed since {@code revision}
     * @throws InvalidSettingException for a value that cannot be stored; nothing was changed
     */
    public boolean change(long revision, Map<EditableSetting, String> values) {
        return settings.change(revision, values);
    }

    /**
     * Adds {@code origin} to the embed origins and forgets its refusals.
     *
     * @return false, changing nothing, when the settings changed since {@code revision}
     * @throws InvalidSettingException when it is not an origin, or one too many
     */
    public boolean allowEmbedOrigin(long revision, String origin) {
        var allowed = settings.change(revision, Map.of(EditableSetting.EMBED_ORIGINS, value(EditableSetting.EMBED_ORIGINS) + " " + origin));
        if (allowed) {
            refused.forget(origin);
        }
        return allowed;
    }
}

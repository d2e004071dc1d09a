package org.hearth.web.console;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.comments.host.EditableSetting;
import org.hearth.comments.host.InvalidSettingException;
import org.hearth.comments.host.Languages;
import org.hearth.comments.host.RefusedOrigins;
import org.hearth.comments.host.SettingsEditor;
import org.hearth.web.Messages;
import org.hearth.web.language.ReaderLanguages;

/**
 * The comment settings page ({@code /console/settings/}, administrators only): moderation, reply depth, page size,
 * edit window, spam limits and embed origins, stored by the widget for every server at once (the context parameters
 * of web.xml are the defaults). It names the origins whose embeds were refused, each with a button that allows it.
 * <p>
 * A save checks every field and stores nothing unless all are valid; it stores nothing either when another
 * administrator saved in between (the page then shows their values).
 */
@Named
@RequestScoped
public class SettingsPage {

    /** The numeric settings, in the order the page shows them. */
    static final List<EditableSetting> NUMBERS = List.of(EditableSetting.MAX_DEPTH, EditableSetting.PAGE_SIZE,
            EditableSetting.EDIT_MINUTES, EditableSetting.MAX_LINKS, EditableSetting.RATE_LIMIT, EditableSetting.MIN_SECONDS);

    /**
     * One field of the form.
     *
     * @param setting what it sets
     * @param name    the form field's name and id, such as {@code PAGE_SIZE}
     * @param value   the value shown: what was submitted, else the setting's value now
     * @param error   why the submitted value was refused, or null
     * @param invalid whether it was refused
     */
    public record Field(EditableSetting setting, String name, String value, String error, boolean invalid) {

        Field(EditableSetting setting, String value, String error) {
            this(setting, setting.name(), value, error, error != null);
        }
    }

    @Inject
    private SettingsEditor settings;

    @Inject
    private RefusedOrigins refused;

    @Inject
    private FacesContext faces;

    @Inject
    private Messages messages;

    @Inject
    private ReaderLanguages languages;

    private final Map<EditableSetting, String> submitted = new EnumMap<>(EditableSetting.class);
    private final Map<EditableSetting, String> errors = new EnumMap<>(EditableSetting.class);
    private Long revisionShown;

    /**
     * Runs before rendering, also on postback: "SAVE" stores the form, "RESET" goes back to the defaults,
     * "ALLOW:origin" allows a refused origin and "FORGET:origin" dismisses it.
     */
    public void act() throws IOException {
        var decision = Decision.of(faces);
        if (decision.isEmpty()) {
            return;
        }
        switch (decision.get().verb()) {
            case "SAVE" -> save();
            case "RESET" -> reset();
            case "ALLOW" -> allow(decision.get().target());
            case "FORGET" -> {
                refused.forget(decision.get().target());
                messages.flashInfo("settings.forgotten", decision.get().target());
                reload();
            }
            default -> {
                // an unknown button: show the page
            }
        }
    }

    private void save() throws IOException {
        var params = faces.getExternalContext().getRequestParameterMap();
        for (var setting : EditableSetting.values()) {
            submitted.put(setting, params.getOrDefault(setting.name(), ""));
        }
        for (var entry : submitted.entrySet()) {
            try {
                entry.getKey().normalize(entry.getValue());
            } catch (InvalidSettingException e) {
                errors.put(e.setting(), describe(e));
            }
        }
        if (!errors.isEmpty()) {
            revisionShown = revisionSent(); // a change made meanwhile must still be noticed at the next save
            messages.error(null, "settings.invalid", errors.size());
            return;
        }
        if (!settings.change(revisionSent(), submitted)) {
            submitted.clear();
            messages.error(null, "settings.changedMeanwhile");
            return;
        }
        messages.flashInfo("settings.saved");
        reload();
    }

    private void reset() throws IOException {
        var defaults = new EnumMap<EditableSetting, String>(EditableSetting.class);
        for (var setting : EditableSetting.values()) {
            defaults.put(setting, settings.defaultValue(setting));
        }
        if (!settings.change(revisionSent(), defaults)) {
            messages.error(null, "settings.changedMeanwhile");
            return;
        }
        messages.flashInfo("settings.reset.done");
        reload();
    }

    private void allow(String origin) throws IOException {
        try {
            if (!settings.allowEmbedOrigin(revisionSent(), origin)) {
                messages.error(null, "settings.changedMeanwhile");
                return;
            }
        } catch (InvalidSettingException e) {
            messages.plainError(null, describe(e));
            return;
        }
        messages.flashInfo("settings.allowed", origin);
        reload();
    }

    private long revisionSent() {
        try {
            return Long.parseLong(faces.getExternalContext().getRequestParameterMap().getOrDefault("revision", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String describe(InvalidSettingException e) {
        var label = messages.text("settings." + e.setting().name());
        return switch (e.reason()) {
            case "number", "range" -> messages.text("settings.invalid.range", label, e.setting().min(), e.setting().max());
            case "too-many" -> messages.text("settings.invalid.tooMany", e.setting().max(), e.value());
            case "origin" -> messages.text("settings.invalid.origin", e.value(), EditableSetting.ORIGIN_MAX_LENGTH);
            case "choice" -> messages.text("settings.invalid.choice", label);
            default -> messages.text("settings.invalid.required", label);
        };
    }

    private void reload() throws IOException {
        var external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/console/settings/index.xhtml");
    }

    /** The numeric fields. */
    public List<Field> getNumbers() {
        return NUMBERS.stream().map(this::field).toList();
    }

    public Field getModeration() {
        return field(EditableSetting.MODERATION);
    }

    /** The embed origins, one a line. */
    public Field getOrigins() {
        var field = field(EditableSetting.EMBED_ORIGINS);
        return new Field(field.setting(), String.join("\n", field.value().strip().split("\\s+")), field.error());
    }

    private Field field(EditableSetting setting) {
        return new Field(setting, submitted.getOrDefault(setting, settings.value(setting)), errors.get(setting));
    }

    /** The value a setting has unless changed here: its context parameter or the widget's default. */
    public String defaultOf(EditableSetting setting) {
        return settings.defaultValue(setting);
    }

    /** The revision the form was shown with. */
    public long getRevision() {
        return revisionShown != null ? revisionShown : settings.revision();
    }

    public Field getLanguage() {
        return field(EditableSetting.LANGUAGE);
    }

    /** The choices of the site's language: {@code auto} (the reader's browser decides), then each language the site has. */
    public List<String> getLanguages() {
        return Stream.concat(Stream.of("auto"), languages.available().stream().map(Locale::toLanguageTag)).toList();
    }

    /** A language's own name, or for {@code auto} what it means, in the console's language. */
    public String languageName(String tag) {
        return "auto".equals(tag) ? messages.text("settings.language.auto") : Languages.nativeName(Locale.forLanguageTag(tag));
    }

    public Field getAvatars() {
        return field(EditableSetting.AVATARS);
    }

    public List<String> getAvatarSources() {
        return EditableSetting.AVATAR_SOURCES;
    }

    public List<String> getModerationModes() {
        return List.of("none", "first-time", "all");
    }

    public List<RefusedOrigins.Refusal> getRefusals() {
        return refused.recent();
    }
}

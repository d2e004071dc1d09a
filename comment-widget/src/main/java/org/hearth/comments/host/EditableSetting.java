package org.hearth.comments.host;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.config.SiteOrigins;

/**
 * The settings an administrator may change while the site runs (a host's settings page edits them through
 * {@link SettingsEditor#change}); their context parameters stay the first defaults. Each knows how to read a value
 * typed into a form: {@link #normalize} returns the value to store or throws {@link InvalidSettingException} saying
 * what is wrong.
 */
public enum EditableSetting {

    /** Which new comments wait for a moderator: {@code none}, {@code first-time} or {@code all}. */
    MODERATION(CommentSettings.MODERATION, 0, 0),
    /** The deepest reply level. */
    MAX_DEPTH(CommentSettings.MAX_DEPTH, 1, 10),
    /** Top-level comments per page. */
    PAGE_SIZE(CommentSettings.PAGE_SIZE, 1, 200),
    /** Minutes during which authors may edit or delete their comment. */
    EDIT_MINUTES(CommentSettings.EDIT_MINUTES, 0, 1440),
    /** Comments per client and minute. */
    RATE_LIMIT(CommentSettings.RATE_LIMIT, 1, 10_000),
    /** Least seconds between showing the form and posting it. */
    MIN_SECONDS(CommentSettings.MIN_SECONDS, 0, 600),
    /** Links a comment may hold before it waits for moderation. */
    MAX_LINKS(CommentSettings.MAX_LINKS, 0, 50),
    /** Origins whose pages may use embed.js, separated by spaces or lines; {@code max} is how many. */
    EMBED_ORIGINS(CommentSettings.EMBED_ORIGINS, 0, 50),
    /** The language of the site's pages: {@code auto} (each reader's browser decides) or one of {@link Languages}. */
    LANGUAGE(CommentSettings.LANGUAGE, 0, 0),
    /**
     * Where commenters' pictures come from: {@code initials} (drawn from the name, no other host asked), or, sending
     * a hash of each commenter's e-mail address to that service, {@code gravatar} or {@code libravatar}.
     */
    AVATARS(CommentSettings.AVATARS, 0, 0);

    /** The longest origin kept (scheme, host and port). */
    public static final int ORIGIN_MAX_LENGTH = 200;

    /** The values {@link #AVATARS} takes, the default first. */
    public static final List<String> AVATAR_SOURCES = List.of("initials", "gravatar", "libravatar");

    private final String parameter;
    private final int min;
    private final int max;

    EditableSetting(String parameter, int min, int max) {
        this.parameter = parameter;
        this.min = min;
        this.max = max;
    }

    /** The context parameter that gives its first default, such as {@code hearth.comments.PAGE_SIZE}. */
    public String parameter() {
        return parameter;
    }

    /** The least number allowed (numbers only). */
    public int min() {
        return min;
    }

    /** The greatest number allowed, or for {@link #EMBED_ORIGINS} the most origins. */
    public int max() {
        return max;
    }

    /**
     * The value to store for what a form sent: a number without spaces, a moderation mode in lower case, origins
     * lower-cased, without duplicates, one space apart, a language's tag or {@code auto}.
     *
     * @throws InvalidSettingException naming the reason ({@code required}, {@code number}, {@code range},
     *                                 {@code choice}, {@code origin}, {@code too-many}) and the offending text
     */
    public String normalize(String submitted) {
        var value = submitted == null ? "" : submitted.strip();
        return switch (this) {
            case MODERATION -> moderation(value);
            case EMBED_ORIGINS -> origins(value);
            case LANGUAGE -> language(value);
            case AVATARS -> avatars(value);
            default -> number(value);
        };
    }

    private String moderation(String value) {
        var mode = value.toLowerCase(Locale.ROOT);
        if (!mode.equals("none") && !mode.equals("first-time") && !mode.equals("all")) {
            throw new InvalidSettingException(this, value.isEmpty() ? "required" : "choice", value);
        }
        return mode;
    }

    private String language(String value) {
        if (value.isEmpty() || value.equalsIgnoreCase("auto")) {
            return "auto";
        }
        return Languages.of().find(value).map(Locale::toLanguageTag).orElseThrow(() -> new InvalidSettingException(this, "choice", value));
    }

    private String avatars(String value) {
        var source = value.toLowerCase(Locale.ROOT);
        if (!AVATAR_SOURCES.contains(source)) {
            throw new InvalidSettingException(this, value.isEmpty() ? "required" : "choice", value);
        }
        return source;
    }

    private String number(String value) {
        if (value.isEmpty()) {
            throw new InvalidSettingException(this, "required", value);
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw new InvalidSettingException(this, "number", value);
        }
        var number = Integer.parseInt(value);
        if (number < min || number > max) {
            throw new InvalidSettingException(this, "range", value);
        }
        return Integer.toString(number);
    }

    private String origins(String value) {
        var origins = new LinkedHashSet<String>();
        for (var token : value.split("[\\s,]+")) {
            if (!token.isEmpty()) {
                origins.add(origin(token));
            }
        }
        if (origins.size() > max) {
            throw new InvalidSettingException(this, "too-many", Integer.toString(origins.size()));
        }
        return String.join(" ", origins);
    }

    /**
     * An origin as browsers send it ({@code https://example.org[:port]}, lower case, no path), or throws: only ASCII
     * (an international name in its {@code xn--} form), so that no lookalike letter can pass for another site's name.
     */
    static String origin(String token) {
        var trimmed = token.endsWith("/") ? token.substring(0, token.length() - 1) : token;
        if (trimmed.length() > ORIGIN_MAX_LENGTH || !trimmed.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidSettingException(EMBED_ORIGINS, "origin", token);
        }
        try {
            var uri = new URI(trimmed);
            var origin = SiteOrigins.origin(uri);
            if (origin.isEmpty() || uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new InvalidSettingException(EMBED_ORIGINS, "origin", token);
            }
            return origin.get();
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(EMBED_ORIGINS, "origin", token);
        }
    }
}

package org.hearth.comments.config;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.hearth.comments.host.EditableSetting;
import org.hearth.comments.host.InvalidSettingException;
import org.hearth.comments.render.Avatars;

/**
 * The widget's configuration: context parameters of the host's {@code web.xml}, each with a default. Those of
 * {@link EditableSetting} an administrator may change while the site runs (on the host's settings page, through
 * {@link org.hearth.comments.host.SettingsEditor}): a changed value is stored in the widget's database and counts at
 * once on every server; its context parameter (or the default below) is then only the first default.
 *
 * <table>
 * <caption>Context parameters</caption>
 * <tr><th>Parameter</th><th>Default</th><th>Meaning</th></tr>
 * <tr><td>{@value #MODERATION}</td><td>{@code first-time}</td><td>{@code none}, {@code first-time} or {@code all}</td></tr>
 * <tr><td>{@value #MAX_DEPTH}</td><td>5</td><td>deepest reply level; deeper replies attach at it</td></tr>
 * <tr><td>{@value #PAGE_SIZE}</td><td>50</td><td>top-level comments per page</td></tr>
 * <tr><td>{@value #EDIT_MINUTES}</td><td>15</td><td>how long authors may edit or delete their comment</td></tr>
 * <tr><td>{@value #RATE_LIMIT}</td><td>5</td><td>comments per client and minute</td></tr>
 * <tr><td>{@value #MIN_SECONDS}</td><td>3</td><td>least seconds between showing the form and posting it</td></tr>
 * <tr><td>{@value #MAX_LINKS}</td><td>2</td><td>links a comment may hold before it waits for moderation</td></tr>
 * <tr><td>{@value #EMBED_ORIGINS}</td><td>(none)</td><td>space-separated origins whose pages may use embed.js</td></tr>
 * <tr><td>{@value #LANGUAGE}</td><td>{@code auto}</td><td>the language of the host's pages ({@code de}...), or
 * {@code auto}: each reader's browser decides</td></tr>
 * <tr><td>{@value #AVATARS}</td><td>{@code initials}</td><td>commenters' pictures: {@code initials}, or (sending a hash
 * of the e-mail address to that service) {@code gravatar} or {@code libravatar}</td></tr>
 * <tr><td>{@value #BASE_URL}</td><td>the system property {@code hearth.base-url}</td><td>the site's public address
 * (such as {@code https://blog.example.org}): threads' pages must lie on it or an embed origin, and e-mails link to it
 * (see {@link SiteOrigins})</td></tr>
 * <tr><td>{@value #SHARED_DATABASE}</td><td>{@code auto}</td><td>whether other servers write to the same database
 * ({@code true}/{@code false}; {@code auto}: shared unless it is embedded Derby); see
 * {@link org.hearth.comments.thread.ThreadRevisions}</td></tr>
 * </table>
 */
@ApplicationScoped
public class CommentSettings {

    public static final String MODERATION = "hearth.comments.MODERATION";
    public static final String MAX_DEPTH = "hearth.comments.MAX_DEPTH";
    public static final String PAGE_SIZE = "hearth.comments.PAGE_SIZE";
    public static final String EDIT_MINUTES = "hearth.comments.EDIT_MINUTES";
    public static final String RATE_LIMIT = "hearth.comments.RATE_LIMIT";
    public static final String MIN_SECONDS = "hearth.comments.MIN_SECONDS";
    public static final String MAX_LINKS = "hearth.comments.MAX_LINKS";
    public static final String EMBED_ORIGINS = "hearth.comments.EMBED_ORIGINS";
    public static final String AVATARS = "hearth.comments.AVATARS";
    public static final String BASE_URL = "hearth.comments.BASE_URL";
    public static final String SHARED_DATABASE = "hearth.comments.SHARED_DATABASE";
    public static final String LANGUAGE = "hearth.comments.LANGUAGE";
    public static final String MAIL_SESSION = "hearth.comments.MAIL_SESSION";
    public static final String MAIL_INTERVAL_SECONDS = "hearth.comments.MAIL_INTERVAL_SECONDS";
    public static final String MAIL_RETRY_SECONDS = "hearth.comments.MAIL_RETRY_SECONDS";

    /** Which new comments wait for a moderator. */
    public enum Moderation {
        /** None: every comment shows at once. */
        NONE,
        /** Comments of commenters never approved before wait. */
        FIRST_TIME,
        /** Every comment waits. */
        ALL
    }

    private final Map<String, String> parameters = new ConcurrentHashMap<>();

    @Inject
    private StoredSettings stored;

    /**
     * Takes the context parameters as soon as the application starts, before the start observers of the widget and its
     * host ask for settings (the listener {@link Reader} comes later).
     */
    void readAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) ServletContext context) {
        read(context);
    }

    /** Takes the widget's context parameters of this web application (see {@link Reader}). */
    public void read(ServletContext context) {
        for (var name : Collections.list(context.getInitParameterNames())) {
            if (name.startsWith("hearth.comments.")) {
                parameters.put(name, context.getInitParameter(name));
            }
        }
    }

    public Moderation moderation() {
        return read(MODERATION, Moderation.FIRST_TIME, v -> Moderation.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')));
    }

    /** Where commenters' pictures come from. */
    public Avatars avatars() {
        return read(AVATARS, Avatars.INITIALS, Avatars::named);
    }

    public int maxDepth() {
        return Math.max(1, read(MAX_DEPTH, 5, Integer::parseInt));
    }

    public int pageSize() {
        return Math.max(1, read(PAGE_SIZE, 50, Integer::parseInt));
    }

    public int editMinutes() {
        return read(EDIT_MINUTES, 15, Integer::parseInt);
    }

    public int rateLimit() {
        return read(RATE_LIMIT, 5, Integer::parseInt);
    }

    public int minSeconds() {
        return read(MIN_SECONDS, 3, Integer::parseInt);
    }

    public int maxLinks() {
        return read(MAX_LINKS, 2, Integer::parseInt);
    }

    /** Origins such as {@code https://example.org} whose pages may call the API from the browser. */
    public Set<String> embedOrigins() {
        return read(EMBED_ORIGINS, Set.of(), v -> Arrays.stream(v.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
    }

    /**
     * The site's public address without a trailing slash, from {@value #BASE_URL} or else the system property
     * {@value SiteOrigins#BASE_URL_PROPERTY}; empty when neither is set.
     */
    public Optional<String> baseUrl() {
        var value = read(BASE_URL, System.getProperty(SiteOrigins.BASE_URL_PROPERTY, ""), Function.identity()).strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (SiteOrigins.origin(URI.create(value)).isEmpty()) {
            throw new IllegalStateException("The base URL " + value + " (" + BASE_URL + " or -D" + SiteOrigins.BASE_URL_PROPERTY
                    + ") is not an absolute http(s) URL");
        }
        return Optional.of(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    /** Whether other servers write to the same database, or empty to tell from the database itself ({@code auto}). */
    public Optional<Boolean> sharedDatabase() {
        return read(SHARED_DATABASE, Optional.empty(), v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "auto" -> Optional.empty();
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new IllegalArgumentException("expected auto, true or false");
        });
    }

    /** The JNDI name of the {@code jakarta.mail.Session} notifications go through. */
    public String mailSession() {
        return read(MAIL_SESSION, "mail/hearth", Function.identity());
    }

    /** How often the outbox sends what is due. */
    public int mailIntervalSeconds() {
        return Math.max(1, read(MAIL_INTERVAL_SECONDS, 30, Integer::parseInt));
    }

    /** The pause after a first failed delivery; it doubles with every further failure. */
    public int mailRetrySeconds() {
        return Math.max(1, read(MAIL_RETRY_SECONDS, 60, Integer::parseInt));
    }

    /**
     * The value of an editable setting as a settings form shows it: the stored one, else the context parameter, else the
     * built-in default.
     */
    public String text(EditableSetting setting) {
        return stored.value(setting.parameter()).orElseGet(() -> defaultText(setting));
    }

    /** The value an editable setting has when no administrator changed it: its context parameter or built-in default. */
    public String defaultText(EditableSetting setting) {
        var parameter = parameters.get(setting.parameter());
        if (parameter != null && !parameter.isBlank()) {
            return parameter.strip();
        }
        return switch (setting) {
            case MODERATION -> "first-time";
            case MAX_DEPTH -> "5";
            case PAGE_SIZE -> "50";
            case EDIT_MINUTES -> "15";
            case RATE_LIMIT -> "5";
            case MIN_SECONDS -> "3";
            case MAX_LINKS -> "2";
            case EMBED_ORIGINS -> "";
            case LANGUAGE -> "auto";
            case AVATARS -> "initials";
        };
    }

    /** The revision of the stored settings, which a settings form sends back to {@link #change}. */
    public long revision() {
        return stored.snapshot().revision();
    }

    /**
     * Stores what an administrator submitted, for every server at once: each value is {@linkplain
     * EditableSetting#normalize normalized} first, and a value equal to the default is not stored (the default then
     * counts, also when the context parameter changes later).
     *
     * @param revision  the {@link #revision()} the form was shown with
     * @param submitted the values typed in, by setting; settings left out keep their value
     * @return false, changing nothing, when the settings changed since the form was shown
     * @throws InvalidSettingException for the first value that cannot be stored; nothing was changed
     */
    public boolean change(long revision, Map<EditableSetting, String> submitted) {
        var values = new HashMap<String, String>();
        submitted.forEach((setting, text) -> {
            var value = setting.normalize(text);
            values.put(setting.parameter(), value.equals(normalizedDefault(setting)) ? null : value);
        });
        return stored.save(revision, values);
    }

    private String normalizedDefault(EditableSetting setting) {
        try {
            return setting.normalize(defaultText(setting));
        } catch (InvalidSettingException e) {
            return defaultText(setting);
        }
    }

    private <T> T read(String name, T fallback, Function<String, T> parse) {
        var value = EDITABLE.contains(name) ? stored.value(name).orElse(parameters.get(name)) : parameters.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The context parameter " + name + " has an unusable value: " + value, e);
        }
    }

    private static final Set<String> EDITABLE = Arrays.stream(EditableSetting.values()).map(EditableSetting::parameter)
            .collect(Collectors.toUnmodifiableSet());

    /** Hands the context parameters to the settings when the web application starts. */
    @WebListener
    public static class Reader implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent event) {
            CDI.current().select(CommentSettings.class).get().read(event.getServletContext());
        }
    }
}

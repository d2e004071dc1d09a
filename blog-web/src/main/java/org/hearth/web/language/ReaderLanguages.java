package org.hearth.web.language;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.hearth.comments.host.EditableSetting;
import org.hearth.comments.host.Languages;
import org.hearth.comments.host.SettingsEditor;
import org.hearth.comments.host.Translations;

/**
 * The language of each request: the reader's own choice (the {@value #COOKIE} cookie, set by {@link LanguageSwitch}),
 * else the site's language when an administrator set one ({@link EditableSetting#LANGUAGE}), else the language the
 * browser prefers ({@code Accept-Language}), else English; always one of the languages the site has (the blog's bundle
 * and the widget's), whatever a request sends.
 */
@ApplicationScoped
public class ReaderLanguages {

    /** The cookie that keeps a reader's choice, such as {@code de}. */
    public static final String COOKIE = "hearth-lang";

    /** The blog's bundle. */
    public static final String BUNDLE = "org.hearth.web.messages";

    private static final String ATTRIBUTE = ReaderLanguages.class.getName();

    @Inject
    private SettingsEditor settings;

    /** Logs at start what a translation added to the class path lacks (keys, arguments, plural categories). */
    void checkTranslations(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Translations.logProblems(languages(), Languages.loader(), BUNDLE, Languages.WIDGET_BUNDLE);
    }

    /** The languages the site speaks, English first. */
    public List<Locale> available() {
        return languages().available();
    }

    /** The language of this request (worked out once per request). */
    public Locale of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Locale known) {
            return known;
        }
        var languages = languages();
        var chosen = languages.find(cookie(request))
                .or(() -> languages.find(siteLanguage()))
                .or(() -> languages.negotiate(request.getHeader("Accept-Language")))
                .orElse(Locale.ENGLISH);
        request.setAttribute(ATTRIBUTE, chosen);
        return chosen;
    }

    /** The site's language when an administrator set one, else English: for e-mails, written before their reader asks. */
    public Locale site() {
        return find(siteLanguage()).orElse(Locale.ENGLISH);
    }

    /** The site's language setting; "auto" while the database does not answer, so the page can still say so (503). */
    private String siteLanguage() {
        try {
            return settings.value(EditableSetting.LANGUAGE);
        } catch (RuntimeException databaseDown) {
            return "auto";
        }
    }

    /** The language named by {@code tag}, when the site has it. */
    public Optional<Locale> find(String tag) {
        return languages().find(tag);
    }

    private static Languages languages() {
        return Languages.of(BUNDLE);
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (var cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}

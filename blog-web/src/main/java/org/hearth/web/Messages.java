package org.hearth.web;

import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import org.hearth.blog.rule.RuleException;
import org.hearth.blog.rule.Sentence;
import org.hearth.comments.host.CommentImport;
import org.hearth.comments.host.Refusals;
import org.hearth.web.language.PluralFormatRenderer;
import org.hearth.web.language.ReaderLanguages;

/**
 * Faces messages from the bundle {@code org.hearth.web.messages}, in the view's locale; patterns are ICU's (CLDR plural
 * categories), each parsed once per language.
 */
@RequestScoped
public class Messages {

    @Inject
    private FacesContext faces;

    /** The bundle's text for this key, with its {0}-style arguments filled in. */
    public String text(String key, Object... args) {
        return text(faces.getViewRoot().getLocale(), key, args);
    }

    /** The bundle's text for this key in {@code locale}, where no view is at hand (such as in an e-mail). */
    public static String text(Locale locale, String key, Object... args) {
        var bundle = ResourceBundle.getBundle(ReaderLanguages.BUNDLE, locale);
        if (args.length == 0) {
            return bundle.getString(key);
        }
        return PluralFormatRenderer.format(locale, bundle.getString(key), args);
    }

    /** A sentence of the blog's domain (a rule broken, an import's failure) in the view's language. */
    public String text(Sentence sentence) {
        return text(faces.getViewRoot().getLocale(), sentence);
    }

    /**
     * A sentence of the blog's domain (a rule broken, an import's failure) in {@code locale}: the bundle's text under its
     * phrase's key, its arguments filled in (sentences among them said alike, and the widget's refusals of imported
     * comments in the widget's words).
     */
    public static String text(Locale locale, Sentence sentence) {
        var args = sentence.arguments().stream().map(arg -> switch (arg) {
            case Sentence inner -> text(locale, inner);
            case CommentImport.Refused refused -> Refusals.text(refused, locale);
            default -> arg;
        }).toArray();
        return text(locale, sentence.phrase().key(), args);
    }

    /** The rule the domain refused input by, beside the component with this client id (the whole form when null). */
    public void error(String clientId, RuleException refusal) {
        plainError(clientId, text(refusal.sentence()));
    }

    /** An error beside the component with this client id, or for the whole form when null. */
    public void error(String clientId, String key, Object... args) {
        plainError(clientId, text(key, args));
    }

    /** An error whose text is already in the view's language (such as the widget's {@code Refusals}). */
    public void plainError(String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }

    public void info(String key, Object... args) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, args), null));
    }

    /** An information that survives the redirect that follows (POST-redirect-GET). */
    public void flashInfo(String key, Object... args) {
        info(key, args);
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}

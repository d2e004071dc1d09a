package org.hearth.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

/** Faces messages from the bundle {@code org.hearth.web.messages}, in the view's locale. */
@RequestScoped
public class Messages {

    @Inject
    private FacesContext faces;

    /** Each message's format, parsed once per locale (parsing costs more than formatting). */
    private static final Map<Locale, Map<String, MessageFormat>> FORMATS = new ConcurrentHashMap<>();

    /** The bundle's text for this key, with its {0}-style arguments filled in. */
    public String text(String key, Object... args) {
        var locale = faces.getViewRoot().getLocale();
        var bundle = ResourceBundle.getBundle("org.hearth.web.messages", locale);
        if (args.length == 0) {
            return bundle.getString(key);
        }
        var format = FORMATS.computeIfAbsent(bundle.getLocale(), l -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), bundle.getLocale()));
        // A MessageFormat is not safe for threads: each use formats with a copy of the parsed one.
        return ((MessageFormat) format.clone()).format(args);
    }

    /** An error beside the component with this client id, or for the whole form when null. */
    public void error(String clientId, String key, Object... args) {
        plainError(clientId, text(key, args));
    }

    /** An error whose text is already written (e.g. a domain rule's message). */
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

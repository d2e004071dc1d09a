package org.hearth.comments.faces;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jakarta.faces.context.FacesContext;

/** The widget's own strings ({@code org/hearth/comments/messages.properties}), in the view's language. */
final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    static Messages of(FacesContext context) {
        var locale = context.getViewRoot() == null ? Locale.ENGLISH : context.getViewRoot().getLocale();
        return new Messages(ResourceBundle.getBundle("org.hearth.comments.messages", locale, Messages.class.getClassLoader()), locale);
    }

    String get(String key, Object... arguments) {
        try {
            var pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    Locale locale() {
        return locale;
    }
}

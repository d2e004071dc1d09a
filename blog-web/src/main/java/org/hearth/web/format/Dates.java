package org.hearth.web.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * Dates as pages show them: {@code #{dates.iso(post.publishedAt)}} for {@code <time datetime>} and
 * {@code #{dates.human(post.publishedAt)}} in the reader's language.
 */
@Named
@ApplicationScoped
public class Dates {

    /** The machine-readable form for {@code datetime} attributes, in UTC. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** A long date in the language of the current view, such as "November 20, 2026". */
    public String human(Instant instant) {
        if (instant == null) {
            return "";
        }
        var context = FacesContext.getCurrentInstance();
        var locale = context == null || context.getViewRoot() == null ? Locale.ENGLISH : context.getViewRoot().getLocale();
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneOffset.UTC).format(instant);
    }
}

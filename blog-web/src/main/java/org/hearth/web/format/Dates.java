package org.hearth.web.format;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.text.RelativeDateTimeFormatter.RelativeUnit;
import com.ibm.icu.util.ULocale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * Dates as pages show them: {@code #{dates.iso(post.publishedAt)}} for {@code <time datetime>},
 * {@code #{dates.human(post.publishedAt)}} and {@code #{dates.month(yearMonth)}} in the reader's language, and
 * {@code #{dates.archivePath(yearMonth)}} for the address of a month's archive.
 */
@Named
@ApplicationScoped
public class Dates {

    /** ICU's relative-time formatters by language: immutable and thread-safe, and costly to make. */
    private static final Map<Locale, RelativeDateTimeFormatter> WORDS = new ConcurrentHashMap<>();

    /** The machine-readable form for {@code datetime} attributes, in UTC. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    /** Whether this moment is still to come (a scheduled post's publication). */
    public boolean future(Instant instant) {
        return instant != null && instant.isAfter(Instant.now());
    }

    /** A long date in the language of the current view, such as "November 20, 2026". */
    public String human(Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).withZone(ZoneOffset.UTC).format(instant);
    }

    /**
     * How long ago, in the words comments use ("just now", "5 minutes ago", "3 days ago"); from 30 days on, and for a
     * time to come, the date ({@link #human}). The page cache keeps a page a minute at most, so the words stay true.
     */
    public String relative(Instant instant) {
        return relative(instant, Instant.now(), locale());
    }

    static String relative(Instant instant, Instant now, Locale locale) {
        if (instant == null) {
            return "";
        }
        var age = Duration.between(instant, now);
        if (age.isNegative() || age.toDays() >= 30) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneOffset.UTC).format(instant);
        }
        var words = WORDS.computeIfAbsent(locale, l -> RelativeDateTimeFormatter.getInstance(ULocale.forLocale(l)));
        if (age.toMinutes() < 1) {
            return ResourceBundle.getBundle("org.hearth.web.messages", locale).getString("date.ago.now");
        }
        var unit = age.toHours() < 1 ? RelativeUnit.MINUTES : age.toDays() < 1 ? RelativeUnit.HOURS : RelativeUnit.DAYS;
        var amount = age.toHours() < 1 ? age.toMinutes() : age.toDays() < 1 ? age.toHours() : age.toDays();
        return words.format(amount, RelativeDateTimeFormatter.Direction.LAST, unit);
    }

    /** The full date and time for a {@code <time>} element's title, as comments give it: "3 Dec 2026, 09:00 UTC". */
    public String full(Instant instant) {
        return full(instant, locale());
    }

    static String full(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", locale).withZone(ZoneOffset.UTC).format(instant);
    }

    /** A month and year in the language of the current view, such as "November 2026". */
    public String month(YearMonth month) {
        return month == null ? "" : DateTimeFormatter.ofPattern("LLLL yyyy", locale()).format(month);
    }

    /** The machine-readable form of a month for {@code datetime} attributes, such as {@code 2026-11}. */
    public String isoMonth(YearMonth month) {
        return month == null ? "" : month.toString();
    }

    /** The address of a month's archive relative to the context root, such as {@code /archive/2026/11}. */
    public String archivePath(YearMonth month) {
        return "/archive/%04d/%02d".formatted(month.getYear(), month.getMonthValue());
    }

    private static Locale locale() {
        var context = FacesContext.getCurrentInstance();
        return context == null || context.getViewRoot() == null ? Locale.ENGLISH : context.getViewRoot().getLocale();
    }
}

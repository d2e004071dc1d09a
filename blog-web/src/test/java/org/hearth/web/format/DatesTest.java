package org.hearth.web.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DatesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T21:00:00Z");

    @Test
    void recentPostsSayHowLongAgoLikeComments() {
        assertEquals("just now", Dates.relative(NOW.minusSeconds(20), NOW, Locale.ENGLISH));
        assertEquals("1 minute ago", Dates.relative(NOW.minus(Duration.ofMinutes(1)), NOW, Locale.ENGLISH));
        assertEquals("5 hours ago", Dates.relative(NOW.minus(Duration.ofHours(5)), NOW, Locale.ENGLISH));
        assertEquals("29 days ago", Dates.relative(NOW.minus(Duration.ofDays(29)), NOW, Locale.ENGLISH));
    }

    @Test
    void olderOrFuturePostsSayTheDateAndTheTitleTheFullTime() {
        assertEquals("November 4, 2026", Dates.relative(NOW.minus(Duration.ofDays(30)), NOW, Locale.ENGLISH));
        assertEquals("March 1, 2027", Dates.relative(Instant.parse("2027-03-01T09:00:00Z"), NOW, Locale.ENGLISH));
        assertEquals("1 Mar 2027, 09:00 UTC", Dates.full(Instant.parse("2027-03-01T09:00:00Z"), Locale.ENGLISH));
        assertEquals("", Dates.relative(null, NOW, Locale.ENGLISH));
    }
}

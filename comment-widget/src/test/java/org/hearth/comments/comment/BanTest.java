package org.hearth.comments.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.hearth.comments.host.BanScope;
import org.hearth.comments.host.CommentStatus;

class BanTest {

    private static Comment comment(String email) {
        return new Comment(1L, null, 5, CommentAuthor.guest("Mallory", email, null),
                CommentBody.of("Buy   cheap\nwatches " + "now ".repeat(80)), "client-fingerprint", CommentStatus.PENDING);
    }

    @Test
    void anAddressBanExpiresByDefaultAndAnEmailBanDoesNot() {
        assertEquals(Optional.of(Duration.ofDays(7)), BanScope.ADDRESS.defaultExpiry());
        assertEquals(Optional.of(Duration.ofDays(7)), BanScope.BOTH.defaultExpiry(), "a ban that covers an address too");
        assertEquals(Optional.empty(), BanScope.EMAIL.defaultExpiry());
    }

    @Test
    void aBanCoversWhatItsScopeNamesOfTheComment() {
        var comment = comment("mallory@example.org");
        var both = Ban.of(comment, BanScope.BOTH, null, "abuse", "Rosa");
        assertEquals(BanScope.BOTH, both.getScope());
        assertEquals(BanScope.EMAIL, Ban.of(comment, BanScope.EMAIL, null, "", "Rosa").getScope());
        assertEquals(BanScope.ADDRESS, Ban.of(comment, BanScope.ADDRESS, null, "", "Rosa").getScope());
        assertEquals(BanScope.ADDRESS, Ban.of(comment("  "), BanScope.BOTH, null, "", "Rosa").getScope(),
                "without an e-mail address only the network address is banned");
        assertThrows(IllegalArgumentException.class, () -> Ban.of(comment(null), BanScope.EMAIL, null, "", "Rosa"));
    }

    @Test
    void aBanKeepsTheCommentsAuthorAndAnExcerptForContextButNoAddress() {
        var ban = Ban.of(comment("mallory@example.org"), BanScope.BOTH, null, "  abuse ", "Rosa");
        assertEquals("Mallory", ban.getAuthorName());
        assertTrue(ban.getExcerpt().startsWith("Buy cheap watches now now"), ban.getExcerpt());
        assertEquals(Ban.EXCERPT_MAX, ban.getExcerpt().length());
        assertTrue(ban.getExcerpt().endsWith("…"));
        assertEquals("abuse", ban.getReason());
        assertEquals("Rosa", ban.getBannedBy());
    }

    @Test
    void aBanRefusesUntilItExpiresOrIsLifted() {
        var now = Instant.now();
        var week = Ban.of(comment(null), BanScope.ADDRESS, now.plus(Duration.ofDays(7)), "", "Rosa");
        assertTrue(week.isActive(now.plus(Duration.ofDays(6))));
        assertFalse(week.isActive(now.plus(Duration.ofDays(7))), "expired bans refuse nothing");

        var forever = Ban.of(comment("mallory@example.org"), BanScope.EMAIL, null, "", "Rosa");
        assertNull(forever.getExpiresAt());
        assertTrue(forever.isActive(now.plus(Duration.ofDays(10_000))));
        forever.lift("Sam");
        assertFalse(forever.isActive(now));
        assertEquals("Sam", forever.getLiftedBy());
    }

    @Test
    void aBanNeedsAnAddressAFutureExpiryAndAShortReason() {
        assertThrows(IllegalArgumentException.class, () -> new Ban(null, null, null, "", "Rosa", null));
        assertThrows(IllegalArgumentException.class, () -> new Ban("e", null, Instant.now().minusSeconds(1), "", "Rosa", null));
        assertThrows(IllegalArgumentException.class, () -> new Ban("e", null, null, "x".repeat(Ban.REASON_MAX + 1), "Rosa", null));
    }
}

package org.hearth.comments.comment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SpamRulesTest {

    private final SpamRules rules = new SpamRules(Duration.ofSeconds(3), 5, 2);
    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    private static Commenter commenter(Instant formShownAt, String honeypot) {
        return new Commenter("client", Set.of(), formShownAt, honeypot, null);
    }

    private InvalidCommentException refusal(Commenter commenter, long lastMinute, long duplicates, boolean banned) {
        return assertThrows(InvalidCommentException.class, () -> rules.refuse(commenter, now, lastMinute, duplicates, banned));
    }

    @Test
    void honestCommentPasses() {
        assertDoesNotThrow(() -> rules.refuse(commenter(now.minusSeconds(40), ""), now, 0, 0, false));
    }

    @Test
    void filledHoneypotIsRefused() {
        assertEquals("honeypot", refusal(commenter(now.minusSeconds(40), "http://spam.example"), 0, 0, false).getReason());
    }

    @Test
    void commentWithoutAValidFormTokenIsRefused() {
        var error = refusal(commenter(null, null), 0, 0, false);
        assertEquals("form-expired", error.getReason());
        assertEquals("form", error.getField());
    }

    @Test
    void formPostedFasterThanAPersonCanWriteIsRefused() {
        var error = refusal(commenter(now.minusSeconds(1), null), 0, 0, false);
        assertEquals("too-fast", error.getReason());
        assertFalse(error.isTooMany());
    }

    @Test
    void sixthCommentWithinAMinuteIsTooMany() {
        assertDoesNotThrow(() -> rules.refuse(commenter(now.minusSeconds(40), null), now, 4, 0, false));
        var error = refusal(commenter(now.minusSeconds(40), null), 5, 0, false);
        assertEquals("rate-limit", error.getReason());
        assertTrue(error.isTooMany());
    }

    @Test
    void exactDuplicateInTheThreadIsRefused() {
        assertEquals("duplicate", refusal(commenter(now.minusSeconds(40), null), 0, 1, false).getReason());
    }

    @Test
    void bannedCommenterIsRefused() {
        assertEquals("banned", refusal(commenter(now.minusSeconds(40), null), 0, 0, true).getReason());
    }

    @Test
    void moreThanTwoLinksWaitForModeration() {
        assertFalse(rules.holdForModeration(CommentBody.of("[a](https://a.example) and [b](https://b.example)")));
        assertTrue(rules.holdForModeration(CommentBody.of("[a](https://a.example) [b](https://b.example) [c](https://c.example)")));
    }

    @Test
    void duplicatesAreSpottedWhateverTheWhitespace() {
        assertEquals(CommentBody.of("Great   post!\nThanks").hash(), CommentBody.of("  Great post! Thanks ").hash());
    }
}

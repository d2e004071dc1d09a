package org.hearth.comments.comment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.hearth.comments.host.Commenter;
import org.hearth.comments.host.InvalidCommentException;

class SpamRulesTest {

    private final SpamRules rules = new SpamRules(Duration.ofSeconds(3), 5, 2);
    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    private static Commenter commenter(Instant formShownAt, String honeypot) {
        return new Commenter("client", Set.of(), formShownAt, honeypot, null);
    }

    private InvalidCommentException refusal(Commenter commenter, int lastMinute, long duplicates, boolean banned) {
        return assertThrows(InvalidCommentException.class, () -> rules.refuse(commenter, now, postedSecondsAgo(lastMinute), duplicates, banned));
    }

    /** {@code count} comments, posted 50, 49, 48... seconds ago. */
    private List<Instant> postedSecondsAgo(int count) {
        return IntStream.range(0, count).mapToObj(i -> now.minusSeconds(50 - i)).toList();
    }

    @Test
    void honestCommentPasses() {
        assertDoesNotThrow(() -> rules.refuse(commenter(now.minusSeconds(40), ""), now, List.of(), 0, false));
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
        assertDoesNotThrow(() -> rules.refuse(commenter(now.minusSeconds(40), null), now, postedSecondsAgo(4), 0, false));
        var error = refusal(commenter(now.minusSeconds(40), null), 5, 0, false);
        assertEquals("rate-limit", error.getReason());
        assertTrue(error.isTooMany());
    }

    @Test
    void tooManySaysWhenTheOldestCommentLeavesTheMinute() {
        assertEquals(10, refusal(commenter(now.minusSeconds(40), null), 5, 0, false).retryAfterSeconds().getAsLong(),
                "the oldest of five, 50 s ago, leaves the window in 10 s");
        var seven = List.of(now.minusSeconds(59), now.minusSeconds(30), now.minusMillis(20_500), now.minusSeconds(20),
                now.minusSeconds(10), now.minusSeconds(5), now.minusSeconds(1));
        var error = assertThrows(InvalidCommentException.class, () -> rules.refuse(commenter(now.minusSeconds(40), null), now, seven, 0, false));
        assertEquals(40, error.retryAfterSeconds().getAsLong(), "three must leave to get below five: the third, 20.5 s ago, in 39.5 s");
        assertTrue(refusal(commenter(now.minusSeconds(40), null), 0, 1, false).retryAfterSeconds().isEmpty(), "only for too many");
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

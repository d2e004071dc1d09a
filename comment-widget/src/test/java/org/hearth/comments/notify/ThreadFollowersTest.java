package org.hearth.comments.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.hearth.comments.security.TokenSigner;
import org.junit.jupiter.api.Test;

class ThreadFollowersTest {

    private final TokenSigner signer = new TokenSigner("0123456789abcdef0123456789abcdef".getBytes());
    private final Instant expires = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aConfirmationLinkNamesItsFollowerUntilItExpires() {
        var token = signer.sign(ThreadFollowers.CONFIRM, "42-" + expires.getEpochSecond());
        assertEquals(Optional.of(42L), ThreadFollowers.verify(signer, token, expires.minusSeconds(1)));
        assertTrue(ThreadFollowers.verify(signer, token, expires).isEmpty(), "expired");
    }

    @Test
    void noOtherTokenPassesForAConfirmation() {
        var unfollow = signer.sign(ThreadFollowers.UNFOLLOW, "42-" + expires.getEpochSecond());
        assertTrue(ThreadFollowers.verify(signer, unfollow, expires.minusSeconds(1)).isEmpty(), "another purpose");
        var foreign = new TokenSigner("another key of at least thirty-two bytes".getBytes()).sign(ThreadFollowers.CONFIRM, "42-" + expires.getEpochSecond());
        assertTrue(ThreadFollowers.verify(signer, foreign, expires.minusSeconds(1)).isEmpty(), "another key");
        assertTrue(ThreadFollowers.verify(signer, signer.sign(ThreadFollowers.CONFIRM, "42"), expires.minusSeconds(1)).isEmpty(), "no expiry");
        assertTrue(ThreadFollowers.verify(signer, null, expires).isEmpty());
    }
}

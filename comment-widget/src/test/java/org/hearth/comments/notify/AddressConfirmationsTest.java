package org.hearth.comments.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.hearth.comments.comment.CommentAuthor;
import org.hearth.comments.security.OwnComments;
import org.hearth.comments.security.TokenSigner;
import org.junit.jupiter.api.Test;

class AddressConfirmationsTest {

    private final TokenSigner signer = new TokenSigner("0123456789abcdef0123456789abcdef".getBytes());
    private final String hash = CommentAuthor.emailHash("ada@example.org");

    @Test
    void aConfirmationTokenNamesItsAddressUntilItExpires() {
        var now = Instant.now();
        var token = AddressConfirmations.token(signer, hash, now.plus(AddressConfirmations.LINK_LIFETIME));
        assertEquals(Optional.of(hash), AddressConfirmations.verify(signer, token, now));
        assertEquals(Optional.of(hash), AddressConfirmations.verify(signer, token, now.plus(Duration.ofDays(6))));
        assertTrue(AddressConfirmations.verify(signer, token, now.plus(Duration.ofDays(7))).isEmpty(), "expired after 7 days");
    }

    @Test
    void noOtherTokenPassesForAConfirmation() {
        var now = Instant.now();
        var token = AddressConfirmations.token(signer, hash, now.plusSeconds(60));
        var otherAddress = CommentAuthor.emailHash("eve@example.org");
        assertTrue(AddressConfirmations.verify(signer, otherAddress + token.substring(64), now).isEmpty(), "the address cannot be swapped");
        assertTrue(AddressConfirmations.verify(signer, token.replace(token.substring(65, token.indexOf('.')), "99999999999"), now).isEmpty(),
                "nor the expiry");
        assertTrue(AddressConfirmations.verify(signer, OwnComments.token(signer, 42), now).isEmpty(), "an own-comment token is not one");
        assertTrue(AddressConfirmations.verify(signer, signer.sign("unsubscribe", hash + "-99999999999"), now).isEmpty(),
                "a token of another purpose is not one");
        assertTrue(AddressConfirmations.verify(signer, null, now).isEmpty());
    }

    @Test
    void theMailQuotesTheBeginningOfTheCommentOnOneLine() {
        assertEquals("> Hello there, friends", AddressConfirmations.quote("Hello\n\nthere,   friends\n"));
        var quoted = AddressConfirmations.quote("word ".repeat(100));
        assertEquals(2 + 160, quoted.length());
        assertTrue(quoted.endsWith("word…"), quoted);
    }
}

package org.hearth.comments.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;

import org.hearth.comments.security.TokenSigner;
import org.junit.jupiter.api.Test;

class ShareClientsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private final TokenSigner signer = new TokenSigner("a key of at least thirty-two bytes!!".getBytes());

    @Test
    void sameReaderTheSameDayIsOneClient() {
        assertEquals(ShareClients.key(signer, "203.0.113.5", "Firefox", DAY), ShareClients.key(signer, "203.0.113.5", "Firefox", DAY));
    }

    @Test
    void nextDayTheSameReaderCountsAgain() {
        assertNotEquals(ShareClients.key(signer, "203.0.113.5", "Firefox", DAY),
                ShareClients.key(signer, "203.0.113.5", "Firefox", DAY.plusDays(1)));
    }

    @Test
    void anotherAddressOrBrowserIsAnotherClient() {
        var reader = ShareClients.key(signer, "203.0.113.5", "Firefox", DAY);
        assertNotEquals(reader, ShareClients.key(signer, "203.0.113.6", "Firefox", DAY));
        assertNotEquals(reader, ShareClients.key(signer, "203.0.113.5", "Chromium", DAY));
        assertNotEquals(ShareClients.key(signer, "1.2.3.4", "5", DAY), ShareClients.key(signer, "1.2.3.4\n5", "", DAY));
    }

    @Test
    void keyNeverContainsTheAddressAndDependsOnTheInstallationKey() {
        var key = ShareClients.key(signer, "203.0.113.5", "Firefox", DAY);
        assertFalse(key.contains("203.0.113.5"));
        var other = new TokenSigner("another key of at least thirty-two bytes".getBytes());
        assertNotEquals(key, ShareClients.key(other, "203.0.113.5", "Firefox", DAY));
    }

    @Test
    void missingHeadersAreAClientToo() {
        assertEquals(ShareClients.key(signer, null, null, DAY), ShareClients.key(signer, "", "", DAY));
    }
}

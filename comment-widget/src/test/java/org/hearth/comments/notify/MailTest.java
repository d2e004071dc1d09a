package org.hearth.comments.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.hearth.comments.host.MailStatus;

class MailTest {

    private final Mail mail = new Mail("reply:1", "ada@example.org", "Ben replied", "Hello", null);

    @Test
    void failedDeliveriesWaitTwiceAsLongEachTime() {
        var before = Instant.now();
        mail.failed("Connection refused", Duration.ofMinutes(1));
        assertEquals(MailStatus.QUEUED, mail.getStatus());
        assertTrue(!mail.getNextAttemptAt().isBefore(before.plus(Duration.ofMinutes(1))));
        mail.failed("Connection refused", Duration.ofMinutes(1));
        assertTrue(!mail.getNextAttemptAt().isBefore(before.plus(Duration.ofMinutes(2))));
        assertEquals("Connection refused", mail.getLastError());
    }

    @Test
    void deliveryIsGivenUpAfterTheLastAttemptAndKeptInTheLog() {
        for (int i = 0; i < Mail.MAX_ATTEMPTS; i++) {
            mail.failed("Connection refused", Duration.ofSeconds(1));
        }
        assertEquals(MailStatus.FAILED, mail.getStatus());
        assertEquals(Mail.MAX_ATTEMPTS, mail.getAttempts());
    }

    @Test
    void aSentMailRecordsItsAttempt() {
        mail.failed("timeout", Duration.ofSeconds(1));
        mail.sent();
        assertEquals(MailStatus.SENT, mail.getStatus());
        assertEquals(2, mail.getAttempts());
        assertEquals(null, mail.getLastError());
    }
}

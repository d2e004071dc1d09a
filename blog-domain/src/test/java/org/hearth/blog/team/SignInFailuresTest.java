package org.hearth.blog.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SignInFailuresTest {

    private final Instant start = Instant.parse("2026-12-04T09:00:00Z");

    private SignInFailures failedTimes(String accountKey, int times) {
        var failures = new SignInFailures("key", accountKey, start);
        for (int i = 0; i < times; i++) {
            failures.failed(start);
        }
        return failures;
    }

    @Test
    void twoFailuresAsOneAccountLetTheNextAttemptThroughAtOnce() {
        assertEquals(Duration.ZERO, failedTimes("rosa", 2).waitAt(start));
    }

    @Test
    void afterAFewFailuresTheNextAttemptWaitsUntilTheDelayIsOverAndNotLonger() {
        var failures = failedTimes("rosa", 5);
        assertEquals(Duration.ofSeconds(4), failures.waitAt(start));
        assertEquals(Duration.ofSeconds(1), failures.waitAt(start.plusSeconds(3)));
        assertEquals(Duration.ZERO, failures.waitAt(start.plusSeconds(4)), "the delay is over: the password is checked again");
    }

    @Test
    void eachFurtherFailureDoublesTheWaitFromItsOwnTime() {
        var failures = failedTimes("rosa", 3);
        var later = start.plusSeconds(30);
        failures.failed(later);
        assertEquals(Duration.ofSeconds(2), failures.waitAt(later));
    }

    @Test
    void theCountOfAnAddressForAllAccountsAllowsMoreFailures() {
        var failures = failedTimes(null, 10);
        assertEquals(Duration.ZERO, failures.waitAt(start));
        failures.failed(start);
        assertEquals(Duration.ofSeconds(1), failures.waitAt(start));
    }

    @Test
    void failuresAreForgottenADayAfterTheLast() {
        var failures = failedTimes("rosa", 12);
        var nextDay = start.plus(SignInFailures.MEMORY);
        assertEquals(0, failures.failuresAt(nextDay));
        failures.failed(nextDay);
        assertEquals(1, failures.failuresAt(nextDay), "the count starts again");
        assertEquals(Duration.ZERO, failures.waitAt(nextDay));
    }
}

package org.hearth.blog.team;

import java.time.Duration;

/**
 * How long the next sign-in from one place waits after failed ones: not at all while there were at most
 * {@code freeFailures}, then {@code first} after the next failure, twice as long after each further one, never longer
 * than {@code cap}. An attempt made during the wait is refused without looking at its password, and does not count.
 */
record FailureDelays(int freeFailures, Duration first, Duration cap) {

    /** One account from one network address: the third failure in a row makes the next try wait 1 s, then 2, 4, ... 10 min. */
    static final FailureDelays PER_ACCOUNT_AND_ADDRESS = new FailureDelays(2, Duration.ofSeconds(1), Duration.ofMinutes(10));

    /** Any account from one network address (guessing many usernames): 10 failures are free, then 1 s, 2, 4, ... 10 min. */
    static final FailureDelays PER_ADDRESS = new FailureDelays(10, Duration.ofSeconds(1), Duration.ofMinutes(10));

    FailureDelays {
        if (freeFailures < 0 || first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("Delays need a positive first delay and a cap of at least as much");
        }
    }

    /** The wait after this many failures in a row (zero for none). */
    Duration after(int failures) {
        var doublings = failures - freeFailures - 1;
        if (doublings < 0) {
            return Duration.ZERO;
        }
        var delay = first.multipliedBy(1L << Math.min(doublings, 30));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}

package org.hearth.blog.team;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FailureDelaysTest {

    private static long seconds(FailureDelays delays, int failures) {
        return delays.after(failures).toSeconds();
    }

    @Test
    void oneAccountFromOneAddressWaitsFromTheThirdFailureOnDoublingUpToTenMinutes() {
        var waits = IntStream.rangeClosed(0, 14).mapToLong(n -> seconds(FailureDelays.PER_ACCOUNT_AND_ADDRESS, n)).toArray();
        assertEquals(Arrays.toString(new long[] {0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600}),
                Arrays.toString(waits));
    }

    @Test
    void oneAddressGuessingManyUsernamesHasTenFreeFailuresThenTheSameDoubling() {
        assertEquals(0, seconds(FailureDelays.PER_ADDRESS, 10));
        assertEquals(1, seconds(FailureDelays.PER_ADDRESS, 11));
        assertEquals(2, seconds(FailureDelays.PER_ADDRESS, 12));
        assertEquals(600, seconds(FailureDelays.PER_ADDRESS, 25));
    }

    @Test
    void theCapHoldsForAnyNumberOfFailures() {
        assertEquals(Duration.ofMinutes(10), FailureDelays.PER_ACCOUNT_AND_ADDRESS.after(Integer.MAX_VALUE));
        assertEquals(Duration.ofMinutes(10), FailureDelays.PER_ACCOUNT_AND_ADDRESS.after(64));
    }
}

package org.hearth.comments.insight;

import java.time.Duration;
import java.util.List;

/** Median and percentiles of durations. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The median: the middle value, or the mean of the two middle values; null for no values. */
    public static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = values.stream().sorted().toList();
        var n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /**
     * The {@code p}th percentile by the nearest-rank method: the smallest value at least {@code p} percent of the values
     * do not exceed; null for no values.
     */
    public static Duration nearestRank(List<Duration> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("A percentile is between 1 and 100");
        }
        var sorted = values.stream().sorted().toList();
        var rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}

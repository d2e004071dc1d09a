package org.hearth.comments.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static List<Duration> minutes(long... values) {
        return java.util.Arrays.stream(values).mapToObj(Duration::ofMinutes).toList();
    }

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(Duration.ofMinutes(30), Percentiles.median(minutes(90, 10, 30)));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(Duration.ofMinutes(25), Percentiles.median(minutes(10, 20, 30, 600)));
    }

    @Test
    void ninetiethPercentileByNearestRank() {
        assertEquals(Duration.ofMinutes(90), Percentiles.nearestRank(minutes(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), 90));
        assertEquals(Duration.ofMinutes(600), Percentiles.nearestRank(minutes(10, 20, 30, 600), 90));
        assertEquals(Duration.ofMinutes(7), Percentiles.nearestRank(minutes(7), 90));
    }

    @Test
    void noValuesHaveNoFigures() {
        assertNull(Percentiles.median(List.of()));
        assertNull(Percentiles.nearestRank(List.of(), 90));
    }
}

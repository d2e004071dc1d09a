package org.hearth.comments.host;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.persistence.Query;

/**
 * The weeks (Monday to Sunday, UTC) of a period as columns of one aggregate query: {@code sum(case when …)} per week,
 * so the database counts every week in one statement, on Derby and PostgreSQL alike (no date functions).
 */
final class WeekColumns {

    private final List<LocalDate> mondays;

    /** The weeks from the Monday of {@code from}'s week to {@code to}'s week. */
    WeekColumns(LocalDate from, LocalDate to) {
        var list = new ArrayList<LocalDate>();
        for (var monday = monday(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            list.add(monday);
        }
        this.mondays = List.copyOf(list);
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    List<LocalDate> mondays() {
        return mondays;
    }

    /** One {@code sum(case …)} column per week counting the rows whose {@code path} falls in it, comma-separated. */
    String sums(String path) {
        return IntStream.range(0, mondays.size())
                .mapToObj(i -> "sum(case when " + path + " >= :w" + i + " and " + path + " < :w" + (i + 1) + " then 1 else 0 end)")
                .collect(Collectors.joining(", "));
    }

    /** Binds the week starts {@code :w0} … (and the end of the last week), converted to the column's type. */
    <Q extends Query> Q bind(Q query, Function<LocalDate, Object> asColumn) {
        for (int i = 0; i <= mondays.size(); i++) {
            query.setParameter("w" + i, asColumn.apply(end(i)));
        }
        return query;
    }

    /** The first day of the period: the first Monday. */
    LocalDate start() {
        return mondays.getFirst();
    }

    /** The day after the period: the Monday after the last week. */
    LocalDate end() {
        return end(mondays.size());
    }

    private LocalDate end(int i) {
        return mondays.getFirst().plusWeeks(i);
    }

    /** The week columns {@code first}, {@code first + 1} … of a result row as counts (null sums of no rows are 0). */
    List<Long> counts(Object[] row, int first) {
        return IntStream.range(0, mondays.size())
                .mapToObj(i -> row[first + i] == null ? 0L : ((Number) row[first + i]).longValue()).toList();
    }
}

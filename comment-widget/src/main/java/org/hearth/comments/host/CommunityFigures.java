package org.hearth.comments.host;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.insight.Percentiles;

/**
 * The figures of the community dashboard, over a period: comments per day, time from a reader's comment to the first
 * team reply (median and 90th percentile per week), the share of readers' comments answered, returning commenters,
 * and the most discussed threads. Days and weeks (Monday to Sunday) are in UTC. A reader's comment is an approved
 * comment without a badge; a team reply an approved comment with one, answering it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CommunityFigures {

    /** Comments written on one day (pending and approved; not spam or deleted). */
    public record Day(LocalDate day, long comments) {
    }

    /**
     * How fast the team answered the readers' comments written in one week.
     *
     * @param answered how many of them got a team reply
     * @param median   the median time to the first team reply, null when none was answered
     * @param p90      the 90th percentile (nearest rank), null when none was answered
     */
    public record Week(LocalDate monday, int answered, Duration median, Duration p90) {
    }

    /**
     * A count for one week (Monday to Sunday, UTC).
     *
     * @param monday the first day of the week
     * @param count  what was counted in it
     */
    public record WeekCount(LocalDate monday, long count) {
    }

    /** Readers' comments answered by the team, out of all readers' comments. */
    public record Answered(long answered, long total) {
        /** The share in percent, 0 when there is nothing to answer. */
        public int percent() {
            return total == 0 ? 0 : (int) Math.round(100.0 * answered / total);
        }
    }

    /** Commenters who came back on another day, out of all commenters (by e-mail address, or client without one). */
    public record Returning(long returning, long total) {
    }

    /** A thread and its approved comments. */
    public record Discussed(String key, String title, String url, long comments) {
    }

    /** A reader's comment and its first team reply, among direct replies and among replies beside it (no "or": indexes). */
    private static final List<String> FIRST_TEAM_REPLIES = List.of("""
            select c.id, c.createdAt, min(r.createdAt) from Comment c, Comment r
            where r.parentId = c.id and r.badge is not null and r.status = :approved
            and c.badge is null and c.status = :approved and c.createdAt >= :from and c.createdAt < :to
            group by c.id, c.createdAt""", """
            select c.id, c.createdAt, min(r.createdAt) from Comment c, Comment r
            where r.replyToId = c.id and r.badge is not null and r.status = :approved
            and c.badge is null and c.status = :approved and c.createdAt >= :from and c.createdAt < :to
            group by c.id, c.createdAt""");

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    /** Every day from {@code from} to {@code to} (inclusive, UTC) with its comments, zero days included. */
    public List<Day> commentsPerDay(LocalDate from, LocalDate to) {
        var counts = new TreeMap<LocalDate, Long>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            counts.put(day, 0L);
        }
        em.createQuery("select c.createdAt from Comment c where c.createdAt >= :from and c.createdAt < :to and c.status in :counted", Instant.class)
                .setParameter("from", start(from))
                .setParameter("to", start(to.plusDays(1)))
                .setParameter("counted", List.of(CommentStatus.APPROVED, CommentStatus.PENDING))
                .getResultStream()
                .forEach(at -> counts.merge(LocalDate.ofInstant(at, ZoneOffset.UTC), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    }

    /**
     * Comments written per week (pending and approved; not spam or deleted), every week from the Monday of {@code from}'s
     * week to {@code to}'s, empty weeks included; one statement, counted by the database.
     */
    public List<WeekCount> commentsPerWeek(LocalDate from, LocalDate to) {
        var weeks = new WeekColumns(from, to);
        var row = weeks.bind(em.createQuery("select count(c), " + weeks.sums("c.createdAt")
                        + " from Comment c where c.createdAt >= :from and c.createdAt < :to and c.status in :counted", Object[].class),
                        CommunityFigures::start)
                .setParameter("from", start(weeks.start()))
                .setParameter("to", start(weeks.end()))
                .setParameter("counted", List.of(CommentStatus.APPROVED, CommentStatus.PENDING))
                .getSingleResult();
        return perWeek(weeks, weeks.counts(row, 1));
    }

    /**
     * First-timers per week: readers (comments without a badge) whose first comment (pending or approved; by e-mail
     * address, or client without one, as {@link #returning}) was written that week, every week from the Monday of
     * {@code from}'s week to {@code to}'s. One grouped statement that answers the first-timers of these weeks only.
     */
    public List<WeekCount> firstTimersPerWeek(LocalDate from, LocalDate to) {
        var weeks = new WeekColumns(from, to);
        var counts = new long[weeks.mondays().size()];
        em.createQuery("""
                        select min(c.createdAt) from Comment c
                        where c.badge is null and c.status in :counted and c.createdAt < :to
                        group by coalesce(c.emailHash, c.clientHash) having min(c.createdAt) >= :from""", Instant.class)
                .setParameter("counted", List.of(CommentStatus.APPROVED, CommentStatus.PENDING))
                .setParameter("from", start(weeks.start()))
                .setParameter("to", start(weeks.end()))
                .getResultStream()
                .forEach(first -> counts[weeks.mondays().indexOf(WeekColumns.monday(LocalDate.ofInstant(first, ZoneOffset.UTC)))]++);
        return perWeek(weeks, Arrays.stream(counts).boxed().toList());
    }

    private static List<WeekCount> perWeek(WeekColumns weeks, List<Long> counts) {
        return IntStream.range(0, counts.size()).mapToObj(i -> new WeekCount(weeks.mondays().get(i), counts.get(i))).toList();
    }

    /** Per week (from the Monday of {@code from}'s week to {@code to}'s), the time readers waited for the team. */
    public List<Week> timeToFirstTeamReply(LocalDate from, LocalDate to) {
        var firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var waits = new TreeMap<LocalDate, List<Duration>>();
        for (var monday = firstMonday; !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            waits.put(monday, new ArrayList<>());
        }
        var firstReply = new HashMap<Long, Instant[]>();
        for (var jpql : FIRST_TEAM_REPLIES) {
            em.createQuery(jpql, Object[].class)
                    .setParameter("approved", CommentStatus.APPROVED)
                    .setParameter("from", start(firstMonday))
                    .setParameter("to", start(to.plusDays(1)))
                    .getResultStream()
                    .forEach(row -> firstReply.merge((Long) row[0], new Instant[] {(Instant) row[1], (Instant) row[2]},
                            (a, b) -> a[1].isBefore(b[1]) ? a : b));
        }
        firstReply.values().forEach(pair -> {
            var monday = LocalDate.ofInstant(pair[0], ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            waits.computeIfAbsent(monday, m -> new ArrayList<>()).add(Duration.between(pair[0], pair[1]));
        });
        return waits.entrySet().stream().map(e -> new Week(e.getKey(), e.getValue().size(),
                Percentiles.median(e.getValue()), Percentiles.nearestRank(e.getValue(), 90))).toList();
    }

    /** Readers' comments written in the period that the team answered. */
    public Answered answered(LocalDate from, LocalDate to) {
        var total = em.createQuery("""
                        select count(c) from Comment c where c.badge is null and c.status = :approved
                        and c.createdAt >= :from and c.createdAt < :to""", Long.class)
                .setParameter("approved", CommentStatus.APPROVED).setParameter("from", start(from)).setParameter("to", start(to.plusDays(1)))
                .getSingleResult();
        var answered = em.createQuery("""
                        select count(c) from Comment c where c.badge is null and c.status = :approved
                        and c.createdAt >= :from and c.createdAt < :to
                        and (exists (select r.id from Comment r where r.parentId = c.id and r.badge is not null and r.status = :approved)
                             or exists (select s.id from Comment s where s.replyToId = c.id and s.badge is not null and s.status = :approved))""",
                        Long.class)
                .setParameter("approved", CommentStatus.APPROVED).setParameter("from", start(from)).setParameter("to", start(to.plusDays(1)))
                .getSingleResult();
        return new Answered(answered, total);
    }

    /** Readers who commented in the period, and those of them who commented on more than one day (ever). */
    public Returning returning(LocalDate from, LocalDate to) {
        var inPeriod = new HashSet<String>();
        em.createQuery("""
                        select c.emailHash, c.clientHash from Comment c where c.badge is null and c.status = :approved
                        and c.createdAt >= :from and c.createdAt < :to""", Object[].class)
                .setParameter("approved", CommentStatus.APPROVED).setParameter("from", start(from)).setParameter("to", start(to.plusDays(1)))
                .getResultStream().forEach(row -> inPeriod.add(who(row)));
        if (inPeriod.isEmpty()) {
            return new Returning(0, 0);
        }
        Map<String, Set<LocalDate>> days = new HashMap<>();
        em.createQuery("select c.emailHash, c.clientHash, c.createdAt from Comment c where c.badge is null and c.status = :approved", Object[].class)
                .setParameter("approved", CommentStatus.APPROVED)
                .getResultStream()
                .filter(row -> inPeriod.contains(who(row)))
                .forEach(row -> days.computeIfAbsent(who(row), k -> new HashSet<>()).add(LocalDate.ofInstant((Instant) row[2], ZoneOffset.UTC)));
        return new Returning(days.values().stream().filter(d -> d.size() > 1).count(), inPeriod.size());
    }

    /** The threads with the most approved comments written in the period, most first. */
    public List<Discussed> mostDiscussed(LocalDate from, LocalDate to, int max) {
        return em.createQuery("""
                        select t.key, t.title, t.url, count(c) from Comment c, org.hearth.comments.thread.CommentThread t
                        where c.threadId = t.id and c.status = :approved and c.createdAt >= :from and c.createdAt < :to
                        group by t.key, t.title, t.url order by count(c) desc, t.key""", Object[].class)
                .setParameter("approved", CommentStatus.APPROVED).setParameter("from", start(from)).setParameter("to", start(to.plusDays(1)))
                .setMaxResults(max)
                .getResultStream()
                .map(row -> new Discussed((String) row[0], (String) row[1], (String) row[2], (Long) row[3]))
                .toList();
    }

    private static String who(Object[] row) {
        return row[0] != null ? "e:" + row[0] : "c:" + row[1];
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

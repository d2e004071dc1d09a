package org.hearth.comments.host;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import jakarta.persistence.TypedQuery;
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

    /**
     * The readers who commented in a period and came back (on another day of it, or who had commented before it), out
     * of all who commented in it; told apart by e-mail address, or by client without one.
     */
    public record Returning(long returning, long total) {
    }

    /** A thread and its approved comments. */
    public record Discussed(String key, String title, String url, long comments) {
    }

    /**
     * Readers' comments of a period answered by the team: each with a team reply written since the period began (a reply
     * is written after what it answers), as a direct reply or beside it. Read from the team's side, which is the smaller
     * one, one badge at a time (on the status index); no "or", so that each link is followed on its index.
     */
    private static final List<String> TEAM_REPLIES = List.of("""
            select c.id, c.createdAt, r.createdAt from Comment r, Comment c
            where r.status = :approved and r.badge = :badge and r.createdAt >= :from and c.id = r.parentId
            and c.badge is null and c.status = :approved and c.createdAt >= :from and c.createdAt < :to""", """
            select c.id, c.createdAt, r.createdAt from Comment r, Comment c
            where r.status = :approved and r.badge = :badge and r.createdAt >= :from and c.id = r.replyToId
            and c.badge is null and c.status = :approved and c.createdAt >= :from and c.createdAt < :to""");

    private static final int IN_LIST_MAX = 500;

    /** Pending and approved comments: the ones counted as written (not spam or deleted). */
    private static final List<CommentStatus> COUNTED = List.of(CommentStatus.APPROVED, CommentStatus.PENDING);

    /**
     * The comments of one status and one badge (null: a reader's) written in a period. The figures read the comments of
     * a period one slice at a time, so that the database reads only that stretch of the status index (status, badge,
     * created_at): given a list of statuses, or no condition on the badge, Derby reads the index entry of every comment.
     */
    private record Slice(CommentStatus status, Badge badge) {

        /** The condition on {@code c}, with the parameters {@code :status}, {@code :badge}, {@code :from} and {@code :to}. */
        String where() {
            return "c.status = :status and " + (badge == null ? "c.badge is null" : "c.badge = :badge")
                    + " and c.createdAt >= :from and c.createdAt < :to";
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query, Instant from, Instant to) {
            if (badge != null) {
                query.setParameter("badge", badge);
            }
            return query.setParameter("status", status).setParameter("from", from).setParameter("to", to);
        }

        /** Readers' comments, or everyone's (the team's too), of each of the statuses. */
        static List<Slice> of(List<CommentStatus> statuses, boolean teamToo) {
            var badges = new ArrayList<Badge>();
            badges.add(null);
            if (teamToo) {
                badges.addAll(List.of(Badge.values()));
            }
            return statuses.stream().flatMap(status -> badges.stream().map(badge -> new Slice(status, badge))).toList();
        }
    }

    /**
     * How readers are told apart: by e-mail address, or by client (network address and browser) when they gave none.
     * A reader without an address wrote also what the same client wrote with one (as the inbox's first comments count
     * them). Each kind asks the database on the index of its own column only: told to match a client and no address,
     * Derby may look the client up on the address index, reading every comment without one.
     */
    private enum Writer {
        BY_EMAIL("e:", "c.emailHash", "c.emailHash is not null", "d.emailHash = c.emailHash"),
        BY_CLIENT("c:", "c.clientHash", "c.emailHash is null", "d.clientHash = c.clientHash");

        final String prefix;
        /** The writer's column of {@code c}. */
        final String key;
        /** The condition on {@code c} for writers of this kind. */
        final String is;
        /** The condition that {@code d} has the same writer as {@code c}. */
        final String sameAsC;

        Writer(String prefix, String key, String is, String sameAsC) {
            this.prefix = prefix;
            this.key = key;
            this.is = is;
            this.sameAsC = sameAsC;
        }

        /** Whether the same writer wrote a reader's comment {@code d} of the status {@code :param} matching {@code condition}. */
        String wroteAlso(String param, String condition) {
            return "exists (select d.id from Comment d where " + sameAsC + " and d.status = :" + param + " and d.badge is null and "
                    + condition + ")";
        }

        static String who(Object[] emailAndClient) {
            return emailAndClient[0] != null ? BY_EMAIL.prefix + emailAndClient[0] : BY_CLIENT.prefix + emailAndClient[1];
        }
    }

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    /** Every day from {@code from} to {@code to} (inclusive, UTC) with its comments, zero days included. */
    public List<Day> commentsPerDay(LocalDate from, LocalDate to) {
        var counts = new TreeMap<LocalDate, Long>();
        for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
            counts.put(day, 0L);
        }
        for (var slice : Slice.of(COUNTED, true)) {
            slice.bind(em.createQuery("select c.createdAt from Comment c where " + slice.where(), Instant.class), start(from), start(to.plusDays(1)))
                    .getResultStream()
                    .forEach(at -> counts.merge(day(at), 1L, Long::sum));
        }
        return counts.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    }

    /**
     * Comments written per week (pending and approved; not spam or deleted), every week from the Monday of {@code from}'s
     * week to {@code to}'s, empty weeks included; counted by the database.
     */
    public List<WeekCount> commentsPerWeek(LocalDate from, LocalDate to) {
        var weeks = new WeekColumns(from, to);
        var counts = new long[weeks.mondays().size()];
        for (var slice : Slice.of(COUNTED, true)) {
            // count(c) first: a row of two columns or more, even for one week
            var row = slice.bind(weeks.bind(em.createQuery("select count(c), " + weeks.sums("c.createdAt") + " from Comment c where "
                            + slice.where(), Object[].class), CommunityFigures::start), start(weeks.start()), start(weeks.end()))
                    .getSingleResult();
            var perWeek = weeks.counts(row, 1);
            for (int i = 0; i < counts.length; i++) {
                counts[i] += perWeek.get(i);
            }
        }
        return perWeek(weeks, Arrays.stream(counts).boxed().toList());
    }

    /**
     * First-timers per week: readers (comments without a badge) whose first comment (pending or approved; by e-mail
     * address, or client without one, as {@link #returning}) was written that week, every week from the Monday of
     * {@code from}'s week to {@code to}'s. Only the comments of these weeks are read, each writer's earlier ones looked
     * up on an index.
     */
    public List<WeekCount> firstTimersPerWeek(LocalDate from, LocalDate to) {
        var weeks = new WeekColumns(from, to);
        var first = new HashMap<String, Instant>();
        for (var writer : Writer.values()) {
            var noEarlier = new StringBuilder();
            for (int i = 0; i < COUNTED.size(); i++) {
                noEarlier.append(" and not ").append(writer.wroteAlso("s" + i, "d.createdAt < :from"));
            }
            for (var slice : Slice.of(COUNTED, false)) {
                var query = slice.bind(em.createQuery("select " + writer.key + ", min(c.createdAt) from Comment c where " + slice.where()
                        + " and " + writer.is + noEarlier + " group by " + writer.key, Object[].class), start(weeks.start()), start(weeks.end()));
                for (int i = 0; i < COUNTED.size(); i++) {
                    query.setParameter("s" + i, COUNTED.get(i));
                }
                query.getResultStream().forEach(row -> first.merge(writer.prefix + row[0], (Instant) row[1], (a, b) -> a.isBefore(b) ? a : b));
            }
        }
        var counts = new long[weeks.mondays().size()];
        first.values().forEach(at -> counts[weeks.mondays().indexOf(WeekColumns.monday(day(at)))]++);
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
        var firstReply = firstTeamReplies(start(firstMonday), start(to.plusDays(1)));
        firstReply.values().forEach(pair -> {
            var monday = day(pair[0]).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
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
        return new Answered(firstTeamReplies(start(from), start(to.plusDays(1))).size(), total);
    }

    /** The readers' comments written in [from, to) that the team answered: each id with its time and its first team reply's. */
    private Map<Long, Instant[]> firstTeamReplies(Instant from, Instant to) {
        var firstReply = new HashMap<Long, Instant[]>();
        for (var jpql : TEAM_REPLIES) {
            for (var badge : Badge.values()) {
                em.createQuery(jpql, Object[].class)
                        .setParameter("approved", CommentStatus.APPROVED)
                        .setParameter("badge", badge)
                        .setParameter("from", from)
                        .setParameter("to", to)
                        .getResultStream()
                        .forEach(row -> firstReply.merge((Long) row[0], new Instant[] {(Instant) row[1], (Instant) row[2]},
                                (a, b) -> a[1].isBefore(b[1]) ? a : b));
            }
        }
        return firstReply;
    }

    /**
     * Readers who commented in the period (approved comments), and those of them who came back: who commented on more
     * than one day of it, or also before it (looked up per writer on an index).
     */
    public Returning returning(LocalDate from, LocalDate to) {
        var slice = new Slice(CommentStatus.APPROVED, null);
        var start = start(from);
        var end = start(to.plusDays(1));
        var days = new HashMap<String, Set<LocalDate>>();
        slice.bind(em.createQuery("select c.emailHash, c.clientHash, c.createdAt from Comment c where " + slice.where(), Object[].class), start, end)
                .getResultStream()
                .forEach(row -> days.computeIfAbsent(Writer.who(row), k -> new HashSet<>()).add(day((Instant) row[2])));
        var returning = new HashSet<String>();
        days.forEach((who, on) -> {
            if (on.size() > 1) {
                returning.add(who);
            }
        });
        for (var writer : Writer.values()) {
            slice.bind(em.createQuery("select distinct " + writer.key + " from Comment c where " + slice.where() + " and " + writer.is
                            + " and " + writer.wroteAlso("status", "d.createdAt < :from"), String.class), start, end)
                    .getResultStream()
                    .forEach(key -> returning.add(writer.prefix + key));
        }
        return new Returning(returning.size(), days.size());
    }

    /** The threads with the most approved comments written in the period, most first (then by key). */
    public List<Discussed> mostDiscussed(LocalDate from, LocalDate to, int max) {
        var counts = new HashMap<Long, Long>();
        for (var slice : Slice.of(List.of(CommentStatus.APPROVED), true)) {
            slice.bind(em.createQuery("select c.threadId, count(c) from Comment c where " + slice.where() + " group by c.threadId", Object[].class),
                            start(from), start(to.plusDays(1)))
                    .getResultStream()
                    .forEach(row -> counts.merge((Long) row[0], (Long) row[1], Long::sum));
        }
        if (counts.isEmpty()) {
            return List.of();
        }
        // the threads with as many comments as the last one shown or more, ties told apart by key
        var least = counts.values().stream().sorted(Comparator.reverseOrder()).limit(max).reduce((a, b) -> b).orElseThrow();
        var candidates = counts.entrySet().stream().filter(e -> e.getValue() >= least).map(Map.Entry::getKey).toList();
        var found = new ArrayList<Discussed>();
        for (int i = 0; i < candidates.size(); i += IN_LIST_MAX) {
            em.createQuery("select t.id, t.key, t.title, t.url from org.hearth.comments.thread.CommentThread t where t.id in :ids", Object[].class)
                    .setParameter("ids", candidates.subList(i, Math.min(candidates.size(), i + IN_LIST_MAX)))
                    .getResultStream()
                    .forEach(row -> found.add(new Discussed((String) row[1], (String) row[2], (String) row[3], counts.get((Long) row[0]))));
        }
        return found.stream().sorted(Comparator.comparingLong(Discussed::comments).reversed().thenComparing(Discussed::key)).limit(max).toList();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

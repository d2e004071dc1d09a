package org.hearth.comments.host;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.share.ShareCounter;
import org.hearth.comments.thread.CommentThread;

/**
 * The site-wide share figures a host's dashboard shows: the shares started from the site per network, and the threads
 * shared most. Shares are counted by the share links ({@code <hc:share>}, {@code /share/{network}}), each reader at most
 * once per network, thread and day; shares are dated for {@value #DAYS_DATED} days (per week: {@link #perWeek}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ShareFigures {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private ShareCounter counter;

    /**
     * How many days back the shares are dated: {@link #perWeek} knows nothing older (the dashboard shows four weeks and
     * the days of the first one before them).
     */
    public static final int DAYS_DATED = 42;

    /**
     * The shares of all threads in one week (Monday to Sunday, UTC), per network.
     *
     * @param monday the first day of the week
     * @param tally  the shares started in it, per network
     */
    public record ShareWeek(LocalDate monday, ShareTally tally) {
    }

    /**
     * The shares per network and week, every week from the Monday of {@code from}'s week to {@code to}'s, empty weeks
     * included; one statement grouped by network. Weeks older than {@value #DAYS_DATED} days count nothing.
     */
    public List<ShareWeek> perWeek(LocalDate from, LocalDate to) {
        var weeks = new WeekColumns(from, to);
        var counts = new ArrayList<Map<ShareNetwork, Long>>();
        weeks.mondays().forEach(monday -> counts.add(new EnumMap<>(ShareNetwork.class)));
        weeks.bind(em.createQuery("select v.network, " + weeks.sums("v.day")
                        + " from ShareVisit v where v.day >= :from and v.day < :to group by v.network", Object[].class), day -> day)
                .setParameter("from", weeks.start())
                .setParameter("to", weeks.end())
                .getResultStream()
                .forEach(row -> {
                    var perWeek = weeks.counts(row, 1);
                    for (int i = 0; i < perWeek.size(); i++) {
                        counts.get(i).put((ShareNetwork) row[0], perWeek.get(i));
                    }
                });
        return IntStream.range(0, counts.size()).mapToObj(i -> new ShareWeek(weeks.mondays().get(i), new ShareTally(counts.get(i)))).toList();
    }

    /** The shares of all threads together, per network (since the site started counting). */
    public ShareTally totals() {
        var counts = new EnumMap<ShareNetwork, Long>(ShareNetwork.class);
        em.createNamedQuery("ShareCount.perNetwork", Object[].class).getResultList()
                .forEach(row -> counts.put((ShareNetwork) row[0], ((Number) row[1]).longValue()));
        return new ShareTally(counts);
    }

    /** The {@code max} threads shared most (all networks together), most first, each with its tally; three statements. */
    public List<SharedThread> mostShared(int max) {
        var ids = em.createNamedQuery("ShareCount.mostShared", Object[].class).setMaxResults(max).getResultList().stream()
                .map(row -> (Long) row[0]).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        var threads = em.createQuery("select t from CommentThread t where t.id in :ids", CommentThread.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(CommentThread::getId, t -> t));
        var tallies = counter.tallies(ids);
        return ids.stream().map(id -> {
            var thread = threads.get(id);
            return new SharedThread(new ThreadSummary(thread.getKey(), thread.getTitle(), thread.getUrl()),
                    tallies.getOrDefault(id, ShareTally.NONE));
        }).toList();
    }
}

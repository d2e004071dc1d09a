package org.hearth.comments.host;

import java.util.EnumMap;
import java.util.List;
import java.util.stream.Collectors;

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
 * once per network, thread and day.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ShareFigures {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private ShareCounter counter;

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

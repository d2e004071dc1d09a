package org.hearth.comments.share;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.schema.GetOrCreate;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.ThreadRevisions;
import org.hearth.comments.host.ShareFigures;
import org.hearth.comments.host.ShareNetwork;
import org.hearth.comments.host.ShareTally;

/**
 * Counts shares started from this site: each client at most once per network per thread per day (UTC), so reloads
 * and repeated clicks cannot inflate the numbers (the site-wide figures are {@link org.hearth.comments.host.ShareFigures}).
 */
@ApplicationScoped
@Transactional
public class ShareCounter {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private ThreadRevisions revisions;

    @Inject
    private GetOrCreate getOrCreate;

    private final AtomicReference<LocalDate> purgedBefore = new AtomicReference<>(LocalDate.MIN);

    /**
     * Counts a share, unless this client shared this thread to this network on this day already.
     * Race-free: of two first shares at the same moment, both are counted (or one, when the same client sent both).
     *
     * @param client a keyed hash naming the client (see {@link ShareClients#key})
     * @return whether the share was counted
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean count(CommentThread thread, ShareNetwork network, String client, LocalDate day) {
        return getOrCreate.run(() -> countOnce(thread, network, client, day));
    }

    private boolean countOnce(CommentThread thread, ShareNetwork network, String client, LocalDate day) {
        purgeVisitsBefore(day.minusDays(ShareFigures.DAYS_DATED));
        var key = new ShareVisit.Key(thread.getId(), network, client, day);
        if (em.find(ShareVisit.class, key) != null) {
            return false;
        }
        em.persist(new ShareVisit(thread.getId(), network, client, day));
        int updated = em.createNamedQuery("ShareCount.increment")
                .setParameter("threadId", thread.getId())
                .setParameter("network", network)
                .executeUpdate();
        if (updated == 0) {
            em.persist(new ShareCount(thread.getId(), network, 1));
        }
        revisions.touch(thread);
        return true;
    }

    /**
     * Keeps the words the host chose for the thread's share messages; blank keeps none (the title is used).
     * Race-free: pages that render the same new share bar at the same moment store the words once.
     *
     * @throws IllegalArgumentException when the text is longer than {@value ShareMessage#MAX} characters
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void keepMessage(CommentThread thread, String text) {
        getOrCreate.run(() -> {
            keepMessageOnce(thread, text);
            return null;
        });
    }

    private void keepMessageOnce(CommentThread thread, String text) {
        // No new revision: pages show the words their host passes; the stored ones serve the share redirects.
        var stored = em.find(ShareMessage.class, thread.getId());
        if (text == null || text.isBlank()) {
            if (stored != null) {
                em.remove(stored);
            }
        } else if (stored == null) {
            em.persist(new ShareMessage(thread.getId(), text));
        } else if (!stored.getMessage().equals(text.strip())) {
            stored.say(text);
        }
    }

    /** The text of the thread's share messages: the host's chosen words, or the thread's title. */
    public String message(CommentThread thread) {
        var stored = em.find(ShareMessage.class, thread.getId());
        return stored == null ? thread.getTitle() : stored.getMessage();
    }

    /** The shares of one thread. */
    public ShareTally tally(CommentThread thread) {
        return tallies(List.of(thread.getId())).getOrDefault(thread.getId(), ShareTally.NONE);
    }

    /** The shares of several threads in one query, by thread id; threads never shared are absent. */
    public Map<Long, ShareTally> tallies(Collection<Long> threadIds) {
        var byThread = new HashMap<Long, Map<ShareNetwork, Long>>();
        if (threadIds.isEmpty()) {
            return Map.of();
        }
        em.createNamedQuery("ShareCount.forThreads", ShareCount.class)
                .setParameter("threadIds", threadIds)
                .getResultList()
                .forEach(count -> byThread.computeIfAbsent(count.getThreadId(), id -> new EnumMap<>(ShareNetwork.class))
                        .put(count.getNetwork(), count.getShares()));
        var tallies = new HashMap<Long, ShareTally>();
        byThread.forEach((id, counts) -> tallies.put(id, new ShareTally(counts)));
        return tallies;
    }

    private void purgeVisitsBefore(LocalDate day) {
        var last = purgedBefore.get();
        if (last.isBefore(day) && purgedBefore.compareAndSet(last, day)) {
            em.createNamedQuery("ShareVisit.deleteBefore").setParameter("day", day).executeUpdate();
        }
    }
}

package org.hearth.comments.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hearth.comments.thread.ThreadRevisions;

/**
 * The inbox's figures across all threads (comments awaiting a team reply, first-timers to welcome), which a console
 * shows on every page, kept between requests: counting them reads every approved comment, about 2 s on Derby with
 * 100,000 comments.
 * <p>
 * On a site with fewer than {@value #SMALL_SITE} approved reader comments they are counted at every question, so they
 * are always exact there. On a larger one they are counted again when this server changed a thread or dismissed a
 * comment since they were counted, and at least every {@value #MAX_AGE_SECONDS} seconds (what another server on the
 * same database changed shows by then), in the background: the request gets the figures of the last count, so that no
 * console page waits for one.
 */
@ApplicationScoped
public class InboxCounts {

    static final int MAX_AGE_SECONDS = 30;

    static final long SMALL_SITE = 20_000;

    private static final Logger LOG = Logger.getLogger(InboxCounts.class.getName());

    /**
     * Figures counted at one moment.
     *
     * @param readers     approved reader comments (what a count reads)
     * @param unanswered  of those, the ones awaiting a team reply
     * @param firstTimers of those, their writers' first comments
     */
    public record Counts(long readers, long unanswered, long firstTimers) {
    }

    private record Kept(Counts counts, long changes, Instant at) {
    }

    @Inject
    private Inbox inbox;

    @Inject
    private ThreadRevisions revisions;

    private final AtomicLong dismissals = new AtomicLong();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Kept kept;

    /** The figures: exact on a small site, at most a background count behind on a large one (see above). */
    public Counts current() {
        var now = kept;
        if (now == null || now.counts().readers() < SMALL_SITE) {
            return count().counts();
        }
        if (!isCurrent(now) && refreshing.compareAndSet(false, true)) {
            try {
                ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
                executor.execute(() -> {
                    try {
                        count();
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Counting the inbox failed; the last figures stay", e);
                    } finally {
                        refreshing.set(false);
                    }
                });
            } catch (NamingException | RuntimeException e) {
                refreshing.set(false);
                return count().counts();
            }
        }
        return now.counts();
    }

    /** Called when a comment is dismissed from the inbox. */
    void dismissed() {
        dismissals.incrementAndGet();
    }

    private boolean isCurrent(Kept figures) {
        return figures.changes() == changes() && figures.at().plus(Duration.ofSeconds(MAX_AGE_SECONDS)).isAfter(Instant.now());
    }

    private long changes() {
        return revisions.localChanges() + dismissals.get();
    }

    private Kept count() {
        var changes = changes();
        var at = Instant.now();
        var figures = new Kept(inbox.countAll(), changes, at);
        kept = figures;
        return figures;
    }
}

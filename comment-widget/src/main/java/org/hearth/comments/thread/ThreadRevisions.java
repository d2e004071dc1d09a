package org.hearth.comments.thread;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.schema.CommentsSchema;
import org.hearth.comments.schema.SqlValues;

/**
 * The revision of each thread: a number that changes whenever what the thread shows changes (a comment posted, edited,
 * moderated or smiled at, a share counted), with the time of that change. Hosts that keep
 * rendered pages (or HTTP validators) compare it with the revision they rendered.
 * <p>
 * How it is kept depends on who else may write to the database ({@link CommentSettings#sharedDatabase()}):
 * <ul>
 * <li>a database only this server opens (embedded Derby, the default): in memory, raised after each change commits,
 *     so asking costs nothing;</li>
 * <li>a database other servers share (the Derby network server, PostgreSQL): in the thread's row, raised in the
 *     transaction of the change, and read from the database at every question (one indexed read), so every server
 *     sees a change made on another at once.</li>
 * </ul>
 * Services of the widget call {@link #touch} in every transaction that changes a thread.
 */
@ApplicationScoped
public class ThreadRevisions {

    private static final Logger LOG = Logger.getLogger(ThreadRevisions.class.getName());

    /**
     * A thread's revision.
     *
     * @param number    changes with every change of the thread (not necessarily by one)
     * @param changedAt when it last changed, as far as this server knows (never before the server started)
     */
    public record Revision(long number, Instant changedAt) {
    }

    /** Fired in the transaction of a change; raises the in-memory revision once that transaction has ended. */
    record Touched(String threadKey) {
    }

    private final Instant startedAt = Instant.now();
    private final Map<String, Revision> local = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private volatile Boolean shared;

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentSettings settings;

    @Inject
    private Event<Touched> touched;

    /** The current revision of the thread with this key (also for a thread nobody registered yet). */
    public Revision of(String threadKey) {
        if (!isShared()) {
            return local.getOrDefault(threadKey, new Revision(0, startedAt));
        }
        var rows = em.createNativeQuery("SELECT revision, changed_at FROM hc_thread WHERE thread_key = ?")
                .setParameter(1, threadKey).getResultList();
        if (rows.isEmpty()) {
            return new Revision(0, startedAt);
        }
        var row = (Object[]) rows.getFirst();
        var changed = row[1] == null ? startedAt : max(startedAt, SqlValues.instant(row[1]));
        return new Revision(((Number) row[0]).longValue(), changed);
    }

    /**
     * Records that the thread changes in the current transaction (call it inside the transaction of the change).
     *
     * @param thread the changed thread, managed or not
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touch(CommentThread thread) {
        if (isShared()) {
            em.createNativeQuery("UPDATE hc_thread SET revision = revision + 1, changed_at = ? WHERE id = ?")
                    .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, thread.getId()).executeUpdate();
        }
        touched.fire(new Touched(thread.getKey()));
    }

    /** {@link #touch} for a thread known by its id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touch(long threadId) {
        var thread = em.find(CommentThread.class, threadId);
        if (thread != null) {
            touch(thread);
        }
    }

    // After completion rather than after success: a rolled-back change only costs a page rendered once more.
    void raise(@Observes(during = TransactionPhase.AFTER_COMPLETION) Touched event) {
        local.compute(event.threadKey(), (key, old) -> new Revision(old == null ? 1 : old.number() + 1, Instant.now()));
        changes.incrementAndGet();
    }

    /** How many changes to any thread this server has made since it started: a figure that changed is stale. */
    public long localChanges() {
        return changes.get();
    }

    /** Whether other servers may write to the widget's database (then revisions are read from it). */
    public boolean isShared() {
        var known = shared;
        if (known == null) {
            known = settings.sharedDatabase().orElseGet(ThreadRevisions::detectShared);
            shared = known;
            LOG.info(() -> "Thread revisions are kept " + (shared ? "in the database (it may be shared by several servers)"
                    : "in memory (the database is embedded in this server)"));
        }
        return known;
    }

    /** Embedded Derby ({@code jdbc:derby:} without a host) can be opened by one server only; anything else may be shared. */
    private static boolean detectShared() {
        try (var connection = CommentsSchema.dataSource().getConnection()) {
            var url = Optional.ofNullable(connection.getMetaData().getURL()).orElse("").toLowerCase(Locale.ROOT);
            return !(url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell whether the database " + CommentsSchema.DATA_SOURCE + " is shared: " + e.getMessage(), e);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

package org.hearth.comments.schema;

import java.sql.SQLException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Runs a get-or-create of the widget (find a row by its unique key, insert it when there is none, maybe update it) so
 * that requests doing it at the same moment never fail on each other.
 * <p>
 * The work runs in a transaction of its own, flushed before it commits. When a concurrent request inserted the same
 * key first (a unique-key violation, SQLState 23505 on Derby and PostgreSQL), changed the same row meanwhile (an
 * optimistic lock failure) or was chosen over this one by the database (a transient rollback, SQLState class 40), the
 * work runs once more in a new transaction, where it finds the winner's row and goes on from there. The caller's own
 * transaction, if it has one, is suspended meanwhile and never marked rollback-only by a lost race.
 * <p>
 * The work must be safe to run again: find before inserting, and keep no state outside the transaction.
 *
 * <pre>{@code
 * return getOrCreate.run(() -> find(key).orElseGet(() -> { var thread = new CommentThread(key, ...); em.persist(thread); return thread; }));
 * }</pre>
 */
@ApplicationScoped
public class GetOrCreate {

    /** Runs of the work at most: a second one finds the winner's row; a third covers a transient rollback. */
    static final int ATTEMPTS = 3;

    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private GetOrCreate self;

    /**
     * Runs the work in a transaction of its own, again in a new one when it lost a race.
     *
     * @return what the work returns (entities come back detached)
     * @throws RuntimeException what the work throws, unless it is a lost race and attempts remain
     */
    public <T> T run(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return self.inNewTransaction(work);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isLostRace(e)) {
                    throw e;
                }
            }
        }
    }

    /** Not for callers: {@link #run} calls it through the proxy, so that it gets its transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        var result = work.get();
        em.flush();
        return result;
    }

    /** Whether the failure means another transaction wrote the same row first. */
    static boolean isLostRace(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals(UNIQUE_VIOLATION) || sql.getSQLState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }
}

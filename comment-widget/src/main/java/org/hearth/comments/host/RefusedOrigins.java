package org.hearth.comments.host;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.schema.SqlValues;

/**
 * The origins whose pages recently asked for the widget's API without being an {@linkplain
 * CommentSettings#embedOrigins() embed origin}, so that an administrator sees a site owner's embed that cannot work
 * and may allow it with one click. Bounded, whatever anybody sends: at most {@value #KEPT} origins (the least recently
 * refused one makes room), each counted up to {@value #MAX_COUNT}, each written at most once a minute per server, and
 * at most {@value #WRITES_PER_MINUTE} writes a minute per server in all (a flood of made-up origins costs no more).
 */
@ApplicationScoped
public class RefusedOrigins {

    /** The most origins kept. */
    public static final int KEPT = 20;

    static final int MAX_COUNT = 1_000_000;

    private static final Logger LOG = Logger.getLogger(RefusedOrigins.class.getName());
    private static final int REMEMBERED = 1_000;
    static final int WRITES_PER_MINUTE = 30;

    /**
     * An origin refused.
     *
     * @param origin      such as {@code https://example.org}
     * @param refusals    how many of its requests were counted (about one a minute per server)
     * @param lastRefused when the last one was
     */
    public record Refusal(String origin, int refusals, Instant lastRefused) {
    }

    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();
    private Instant minuteStart = Instant.EPOCH;
    private int writesThisMinute;

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private Writer writer;

    @Inject
    private CommentSettings settings;

    /**
     * Counts a request from a page of {@code origin} that is no embed origin. Anything that is not a plain http(s)
     * origin is ignored; so is a failure of the database (a refusal is only a hint for the administrator).
     */
    public void refused(String origin) {
        String normalized;
        try {
            normalized = EditableSetting.origin(origin == null ? "" : origin);
        } catch (InvalidSettingException e) {
            return;
        }
        var now = Instant.now();
        var last = lastWritten.get(normalized);
        if (last != null && last.isAfter(now.minusSeconds(60))) {
            return;
        }
        if (!mayWrite(now)) {
            return;
        }
        if (lastWritten.size() >= REMEMBERED) {
            lastWritten.clear();
        }
        lastWritten.put(normalized, now);
        try {
            writer.store(normalized, now);
        } catch (RuntimeException e) {
            LOG.warning(() -> "The refused origin " + normalized + " was not recorded: " + e);
        }
    }

    private synchronized boolean mayWrite(Instant now) {
        if (now.isAfter(minuteStart.plusSeconds(60))) {
            minuteStart = now;
            writesThisMinute = 0;
        }
        return ++writesThisMinute <= WRITES_PER_MINUTE;
    }

    /** The origins refused, the most recent first, without those allowed since. */
    public List<Refusal> recent() {
        var allowed = settings.embedOrigins();
        var refusals = new ArrayList<Refusal>();
        for (var row : em.createNativeQuery("SELECT origin, refusals, last_refused FROM hc_refused_origin ORDER BY last_refused DESC")
                .setMaxResults(KEPT).getResultList()) {
            var columns = (Object[]) row;
            if (!allowed.contains((String) columns[0])) {
                refusals.add(new Refusal((String) columns[0], ((Number) columns[1]).intValue(), SqlValues.instant(columns[2])));
            }
        }
        return refusals;
    }

    /** Forgets the refusals of {@code origin} (once it is allowed, or dismissed). */
    @Transactional
    public void forget(String origin) {
        em.createNativeQuery("DELETE FROM hc_refused_origin WHERE origin = ?").setParameter(1, origin).executeUpdate();
    }

    /** Writes refusals in a transaction of their own, so that a failure never touches the request's. */
    @ApplicationScoped
    static class Writer {

        @PersistenceContext(unitName = "hearth-comments")
        private EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void store(String origin, Instant at) {
            var counted = em.createNativeQuery("UPDATE hc_refused_origin SET refusals = CASE WHEN refusals < ? THEN refusals + 1"
                            + " ELSE refusals END, last_refused = ? WHERE origin = ?")
                    .setParameter(1, MAX_COUNT).setParameter(2, Timestamp.from(at)).setParameter(3, origin).executeUpdate();
            if (counted > 0) {
                return;
            }
            var kept = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM hc_refused_origin").getSingleResult()).intValue();
            if (kept >= KEPT) {
                var oldest = em.createNativeQuery("SELECT origin FROM hc_refused_origin ORDER BY last_refused").setMaxResults(kept - KEPT + 1)
                        .getResultList();
                for (var gone : oldest) {
                    em.createNativeQuery("DELETE FROM hc_refused_origin WHERE origin = ?").setParameter(1, gone).executeUpdate();
                }
            }
            em.createNativeQuery("INSERT INTO hc_refused_origin (origin, refusals, last_refused) VALUES (?, 1, ?)")
                    .setParameter(1, origin).setParameter(2, Timestamp.from(at)).executeUpdate();
        }
    }
}

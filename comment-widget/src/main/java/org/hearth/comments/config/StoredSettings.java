package org.hearth.comments.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hearth.comments.thread.ThreadRevisions;

/**
 * The settings an administrator changed, as stored in the database ({@code hc_setting}), and the revision that every
 * change raises ({@code hc_settings_revision}). Reading them is on every page's path, so it costs next to nothing:
 * <ul>
 * <li>a database only this server opens: the values stay in memory and are read again after a change commits;</li>
 * <li>a database several servers share ({@link ThreadRevisions#isShared()}): one indexed read of the revision per
 *     request (the values are read again only when it changed), so a change made on another server counts at once.</li>
 * </ul>
 * While the database does not answer, the last values read stay in force.
 */
@ApplicationScoped
class StoredSettings {

    private static final Logger LOG = Logger.getLogger(StoredSettings.class.getName());

    /** The stored values at one revision. */
    record Snapshot(long revision, Map<String, String> values) {
    }

    /** Fired in the transaction of a change; drops the values kept in memory once it has ended. */
    record Changed() {
    }

    /** The revision read in the current request, so that a request reads it once however many settings it asks. */
    @RequestScoped
    static class RevisionOfThisRequest {

        private Long revision;

        // Methods, not a field: through the client proxy a field would be one for all requests.
        public Long get() {
            return revision;
        }

        public void set(long revision) {
            this.revision = revision;
        }
    }

    private static final Snapshot NOTHING = new Snapshot(-1, Map.of());

    private volatile Snapshot kept;

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private ThreadRevisions revisions;

    @Inject
    private RevisionOfThisRequest thisRequest;

    @Inject
    private Event<Changed> changed;

    /** The stored value of the context parameter {@code name}, if an administrator set one. */
    Optional<String> value(String name) {
        return Optional.ofNullable(snapshot().values().get(name));
    }

    /** The stored values now. */
    Snapshot snapshot() {
        var known = kept;
        try {
            if (known != null && !revisions.isShared()) {
                return known;
            }
            var revision = revisionOfThisRequest();
            if (known != null && known.revision() == revision) {
                return known;
            }
            known = load();
            kept = known;
            return known;
        } catch (PersistenceException | IllegalStateException e) {
            LOG.warning(() -> "The stored settings cannot be read now (the last ones read stay in force): " + e);
            return known != null ? known : NOTHING;
        }
    }

    /**
     * Stores {@code values} (a {@code null} value removes the stored one, so that the default counts again) if the
     * revision is still {@code expectedRevision}; returns false, changing nothing, when another change came first.
     */
    @Transactional
    public boolean save(long expectedRevision, Map<String, String> values) {
        var raised = em.createNativeQuery("UPDATE hc_settings_revision SET revision = revision + 1 WHERE id = 1 AND revision = ?")
                .setParameter(1, expectedRevision).executeUpdate();
        if (raised == 0) {
            return false;
        }
        values.forEach((name, value) -> {
            em.createNativeQuery("DELETE FROM hc_setting WHERE name = ?").setParameter(1, name).executeUpdate();
            if (value != null) {
                em.createNativeQuery("INSERT INTO hc_setting (name, setting_value) VALUES (?, ?)")
                        .setParameter(1, name).setParameter(2, value).executeUpdate();
            }
        });
        changed.fire(new Changed());
        return true;
    }

    void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed event) {
        kept = null;
    }

    private long revisionOfThisRequest() {
        try {
            var revision = thisRequest.get();
            if (revision == null) {
                revision = readRevision();
                thisRequest.set(revision);
            }
            return revision;
        } catch (ContextNotActiveException e) {
            return readRevision();
        }
    }

    private long readRevision() {
        return ((Number) em.createNativeQuery("SELECT revision FROM hc_settings_revision WHERE id = 1").getSingleResult()).longValue();
    }

    private Snapshot load() {
        var revision = readRevision();
        var values = new HashMap<String, String>();
        for (var row : em.createNativeQuery("SELECT name, setting_value FROM hc_setting").getResultList()) {
            var columns = (Object[]) row;
            values.put((String) columns[0], (String) columns[1]);
        }
        return new Snapshot(revision, Map.copyOf(values));
    }
}

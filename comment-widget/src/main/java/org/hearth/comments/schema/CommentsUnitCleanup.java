package org.hearth.comments.schema;

import jakarta.persistence.PersistenceUnit;
import jakarta.servlet.annotation.WebListener;

import org.hearth.comments.host.OfflineUnitCleanup;

/**
 * Closes the widget's unit when the application stops, if GlassFish forgot it (see {@link OfflineUnitCleanup}). A class
 * of its own, not nested in {@link OfflineDeployment}: loading that one needs EclipseLink, which other servers lack.
 */
@WebListener
@PersistenceUnit(name = "persistence/hearth-comments", unitName = "hearth-comments")
public class CommentsUnitCleanup extends OfflineUnitCleanup {

    /** Set by {@link OfflineDeployment} when the unit deployed without its database. */
    static volatile boolean deployedOffline;

    public CommentsUnitCleanup() {
        super("persistence/hearth-comments", () -> deployedOffline);
    }
}

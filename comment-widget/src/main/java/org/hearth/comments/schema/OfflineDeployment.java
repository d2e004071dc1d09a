package org.hearth.comments.schema;

import java.util.Map;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.tools.tuning.StandardTuner;

/**
 * Lets the widget's persistence unit {@code hearth-comments} deploy while its database does not answer
 * ({@code eclipselink.tuning} in the widget's {@code persistence.xml}): GlassFish opens persistence units while
 * deploying, and EclipseLink would log in then. Without a connection from {@value CommentsSchema#DATA_SOURCE} that
 * answers, the unit deploys without logging in (validation-only) for the EclipseLink target database named by the
 * system property {@value #PLATFORM_PROPERTY} ({@code Derby} or {@code PostgreSQL}), and logs in at the first entity
 * manager once the database answers. Without that property, the deployment needs the database, as usual.
 * {@link CommentsUnitCleanup} closes the unit's factory when GlassFish forgot it.
 */
public class OfflineDeployment extends StandardTuner {

    /** The system property naming the server's database as an EclipseLink target database (the host's server sets it). */
    public static final String PLATFORM_PROPERTY = "hearth.database-platform";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void tunePreDeploy(Map properties) {
        var platform = System.getProperty(PLATFORM_PROPERTY);
        if (platform != null && !CommentsSchema.databaseAnswers()) {
            properties.put(PersistenceUnitProperties.TARGET_DATABASE, platform);
            properties.put(PersistenceUnitProperties.VALIDATION_ONLY_PROPERTY, "true");
            CommentsUnitCleanup.deployedOffline = true;
        }
    }

    /**
     * A query that loses its connection fails (the request answers 503, see the web layer) instead of EclipseLink
     * reconnecting and retrying it inside the transaction: GlassFish 8.0.0's pool refuses that with "Resource must be
     * marked busy", seen when embedded Derby shut the database down after a write to its files failed.
     */
    @Override
    public void tuneDeploy(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setConnectionHealthValidatedOnError(false);
        }
    }
}

package org.hearth.blog.schema;

import java.util.Map;
import java.util.logging.Logger;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.tools.tuning.StandardTuner;

/**
 * Lets the persistence unit {@code hearth-blog} deploy while its database does not answer ({@code eclipselink.tuning}
 * in {@code persistence.xml}).
 * <p>
 * GlassFish opens every persistence unit while deploying a WAR, and EclipseLink logs in to the database then to detect
 * which database it is: a first deployment with the database down would fail. When {@value BlogSchema#DATA_SOURCE}
 * gives no connection that answers, the unit is deployed without logging in (EclipseLink's validation-only mode) for
 * the database the server names in the system property {@value #PLATFORM_PROPERTY} (an EclipseLink target database:
 * {@code Derby} or {@code PostgreSQL}; server-config's resource scripts set it); EclipseLink logs in when the first
 * entity manager is created after the database answers. Hearth touches no entity before its schema is migrated (see
 * {@link BlogSchema}).
 */
public class OfflineDeployment extends StandardTuner {

    /** The system property naming the server's database as an EclipseLink target database. */
    public static final String PLATFORM_PROPERTY = "hearth.database-platform";

    private static final Logger LOG = Logger.getLogger(OfflineDeployment.class.getName());

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void tunePreDeploy(Map properties) {
        if (!BlogSchema.databaseAnswers()) {
            var platform = System.getProperty(PLATFORM_PROPERTY);
            if (platform == null) {
                LOG.severe("The database of " + BlogSchema.DATA_SOURCE + " does not answer, and the system property "
                        + PLATFORM_PROPERTY + " does not say which it is (Derby or PostgreSQL): the persistence unit"
                        + " hearth-blog cannot be deployed before it answers (see server-config/README.md)");
                return;
            }
            LOG.warning("The database of " + BlogSchema.DATA_SOURCE + " does not answer: the persistence unit hearth-blog"
                    + " is deployed for " + platform + " and logs in once the database answers");
            properties.put(PersistenceUnitProperties.TARGET_DATABASE, platform);
            properties.put(PersistenceUnitProperties.VALIDATION_ONLY_PROPERTY, "true");
            BlogSchema.deployedOffline = true;
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

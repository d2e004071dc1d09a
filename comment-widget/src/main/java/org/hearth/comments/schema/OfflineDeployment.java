package org.hearth.comments.schema;

import java.util.Map;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

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
 * {@link Cleanup} closes the unit's factory when GlassFish forgot it.
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
            Cleanup.deployedOffline = true;
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

    /**
     * Closes the unit's factory when the application stops, if GlassFish will not. GlassFish 8.0.0 creates an entity
     * manager while deploying; with the database down, EclipseLink's login throws an exception GlassFish neither expects
     * nor treats as a failed deployment, and GlassFish then forgets the factory (and those of the units after it). The
     * unit would outlive the application under its session name (the jar's folder and the unit's name), and the next
     * deployment there would get it with the classes of the undeployed application ("Unknown Entity bean class"). A
     * factory GlassFish keeps has logged in by the time the application starts. Touches EclipseLink only after
     * {@link OfflineDeployment} ran (another provider never runs it).
     */
    @WebListener
    public static class Cleanup implements ServletContextListener {

        /** Whether this deployment of the application deployed the unit without the database. */
        static volatile boolean deployedOffline;

        @PersistenceUnit(unitName = "hearth-comments")
        private EntityManagerFactory factory;

        private boolean forgotten;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            forgotten = deployedOffline && !factory.unwrap(Session.class).isConnected();
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            if (forgotten && factory.isOpen()) {
                factory.close();
            }
        }
    }
}

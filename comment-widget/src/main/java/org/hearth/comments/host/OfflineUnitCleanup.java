package org.hearth.comments.host;

import java.util.function.BooleanSupplier;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import org.eclipse.persistence.sessions.Session;

/**
 * Closes a persistence unit's factory when the application stops, if GlassFish will not: the base of a
 * {@code @WebListener} for a unit that an EclipseLink tuner may deploy while its database does not answer
 * ("validation-only", as the widget's {@code OfflineDeployment} does). GlassFish 8.0.0 creates an entity manager while
 * deploying; with the database down, EclipseLink's login throws an exception GlassFish neither expects nor treats as a
 * failed deployment, and GlassFish then forgets the factory (and those of the units after it): it does not close them
 * when the application stops, and EclipseLink keeps each unit under its session name (the jar's folder and the unit's
 * name). The next deployment there would get the old unit, with the undeployed application's classes, and every query
 * would fail with "Unknown Entity bean class". A factory GlassFish keeps has logged in by the time the application
 * starts. Touches EclipseLink only for a unit deployed offline (no other provider deploys one so).
 * <p>
 * The subclass declares the unit with {@code @PersistenceUnit(name = ..., unitName = ...)} on the class.
 */
public abstract class OfflineUnitCleanup implements ServletContextListener {

    private final String reference;
    private final BooleanSupplier deployedOffline;
    private EntityManagerFactory forgotten;

    /**
     * @param reference       the {@code name} of the subclass's {@code @PersistenceUnit} (under {@code java:comp/env})
     * @param deployedOffline whether this deployment of the application deployed the unit without its database
     */
    protected OfflineUnitCleanup(String reference, BooleanSupplier deployedOffline) {
        this.reference = reference;
        this.deployedOffline = deployedOffline;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (deployedOffline.getAsBoolean()) {
            try {
                EntityManagerFactory factory = InitialContext.doLookup("java:comp/env/" + reference);
                forgotten = factory.unwrap(Session.class).isConnected() ? null : factory;
            } catch (NamingException e) {
                throw new IllegalStateException("No persistence unit reference " + reference, e);
            }
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (forgotten != null && forgotten.isOpen()) {
            forgotten.close();
        }
    }
}

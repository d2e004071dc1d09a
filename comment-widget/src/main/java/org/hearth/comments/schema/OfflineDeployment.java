package org.hearth.comments.schema;

import java.sql.SQLException;
import java.util.Map;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.tools.tuning.StandardTuner;

/**
 * Lets the widget's persistence unit {@code hearth-comments} deploy while its database does not answer
 * ({@code eclipselink.tuning} in the widget's {@code persistence.xml}): GlassFish opens persistence units while
 * deploying, and EclipseLink would log in then. Without a connection from {@value CommentsSchema#DATA_SOURCE} that
 * answers, the unit deploys without logging in (validation-only) for the EclipseLink target database named by the
 * system property {@value #PLATFORM_PROPERTY} ({@code Derby} or {@code PostgreSQL}), and logs in at the first entity
 * manager once the database answers. Without that property, the deployment needs the database, as usual.
 */
public class OfflineDeployment extends StandardTuner {

    /** The system property naming the server's database as an EclipseLink target database (the host's server sets it). */
    public static final String PLATFORM_PROPERTY = "hearth.database-platform";

    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void tunePreDeploy(Map properties) {
        var platform = System.getProperty(PLATFORM_PROPERTY);
        if (platform != null && !databaseAnswers()) {
            properties.put(PersistenceUnitProperties.TARGET_DATABASE, platform);
            properties.put(PersistenceUnitProperties.VALIDATION_ONLY_PROPERTY, "true");
        }
    }

    /**
     * Whether the widget's data source gives a connection that answers now. The connection is checked here: a pool that
     * validates connections at most every few seconds may still hand out a broken one right after the database went
     * away.
     */
    private static boolean databaseAnswers() {
        try (var connection = InitialContext.<DataSource>doLookup(CommentsSchema.DATA_SOURCE).getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (NamingException | SQLException | RuntimeException e) {
            return false;
        }
    }
}

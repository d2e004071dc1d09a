package org.hearth.web.signin;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hearth.blog.schema.SchemaReady;
import org.hearth.blog.team.FirstAdminSetup;

/**
 * At startup, while nobody can sign in, prints a new one-time setup token in the server log (see the README: the line
 * starts with {@value #MARKER}).
 */
@ApplicationScoped
public class SetupAnnouncer {

    static final String MARKER = "HEARTH SETUP TOKEN:";

    private static final Logger LOG = Logger.getLogger(SetupAnnouncer.class.getName());

    @Inject
    private FirstAdminSetup setup;

    /** Once the blog's tables are ready (at startup, or when the database answers again): never fails the deployment. */
    void announce(@Observes SchemaReady ready) {
        setup.issueToken().ifPresent(token -> LOG.warning(() -> MARKER + " " + token
                + " (Hearth has no team yet: open /setup.xhtml on this site and enter this token to create the first admin;"
                + " it works once)"));
    }
}

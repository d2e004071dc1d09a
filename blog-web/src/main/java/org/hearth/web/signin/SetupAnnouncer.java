package org.hearth.web.signin;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

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

    void announce(@Observes @Initialized(ApplicationScoped.class) Object start) {
        setup.issueToken().ifPresent(token -> LOG.warning(() -> MARKER + " " + token
                + " (Hearth has no team yet: open /setup.xhtml on this site and enter this token to create the first admin;"
                + " it works once)"));
    }
}

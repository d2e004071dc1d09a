package org.hearth.web;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the integration tests deploy: always the real WAR the build produced. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The built {@code hearth.war} under a name of its own (its context root), plus the given test classes for tests
     * that run inside the server.
     */
    public static WebArchive hearthWar(String name, Class<?>... testClasses) {
        var war = new File(System.getProperty("hearth.war", "target/hearth.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No WAR at " + war.getAbsolutePath() + ": run the tests with mvn verify");
        }
        return ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(war).as(WebArchive.class).addClasses(testClasses);
    }
}

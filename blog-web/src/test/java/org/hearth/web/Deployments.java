package org.hearth.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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

    /**
     * The built WAR with the comment widget's spam defences loosened for tests that post many comments quickly from
     * one address (no minimum time before posting a form, 1,000 comments a minute).
     */
    public static WebArchive hearthWarForCommenting(String name) {
        return withContextParams(hearthWar(name), Map.of("hearth.comments.MIN_SECONDS", "0", "hearth.comments.RATE_LIMIT", "1000"));
    }

    /** The archive with context parameters added to its {@code web.xml} (e.g. to loosen the comment widget's limits). */
    public static WebArchive withContextParams(WebArchive war, Map<String, String> params) {
        var webXml = new String(readAll(war.get("WEB-INF/web.xml").getAsset()), StandardCharsets.UTF_8);
        var added = new StringBuilder();
        params.forEach((name, value) -> added.append("<context-param><param-name>").append(name)
                .append("</param-name><param-value>").append(value).append("</param-value></context-param>\n"));
        var at = webXml.indexOf("<context-param>");
        war.delete("WEB-INF/web.xml");
        return war.addAsWebInfResource(new StringAsset(webXml.substring(0, at) + added + webXml.substring(at)), "web.xml");
    }

    /**
     * The archive with an application-defined mail session {@code java:app/mail/test} on {@code localhost:smtpPort}
     * (a GreenMail server in the test JVM) that the comment widget sends its notifications through, checked every
     * second and retried after one second.
     */
    public static WebArchive withTestMailSession(WebArchive war, int smtpPort) {
        war = withContextParams(war, Map.of("hearth.comments.MAIL_SESSION", "java:app/mail/test",
                "hearth.comments.MAIL_INTERVAL_SECONDS", "1", "hearth.comments.MAIL_RETRY_SECONDS", "1"));
        var webXml = new String(readAll(war.get("WEB-INF/web.xml").getAsset()), StandardCharsets.UTF_8);
        var session = "<mail-session><name>java:app/mail/test</name><host>localhost</host><from>hearth@example.org</from>"
                + "<property><name>mail.smtp.port</name><value>" + smtpPort + "</value></property>"
                + "<property><name>mail.smtp.connectiontimeout</name><value>5000</value></property>"
                + "<property><name>mail.smtp.timeout</name><value>5000</value></property></mail-session>\n";
        var at = webXml.lastIndexOf("</web-app>");
        war.delete("WEB-INF/web.xml");
        return war.addAsWebInfResource(new StringAsset(webXml.substring(0, at) + session + webXml.substring(at)), "web.xml");
    }

    private static byte[] readAll(Asset asset) {
        try (var in = asset.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

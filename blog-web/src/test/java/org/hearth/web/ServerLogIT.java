package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Hearth writes to server.log while it deploys and serves its first pages (home, feed, the comment API): no
 * SEVERE line, and no warning but the one an admin must act on (the setup token). The scale-out test checks the same
 * for a whole first start of a new domain.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerLogIT {

    private static final String NAME = "log-it";
    private static final Pattern ENTRY = Pattern.compile(
            "^\\[[^\\]]+\\] \\[[^\\]]+\\] \\[(SEVERE|WARNING)\\] .*?\\[\\[\\n?(.*?)\\]\\]$", Pattern.MULTILINE | Pattern.DOTALL);

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.hearthWar(NAME);
    }

    @Test
    void deployingAndServingTheFirstPagesLogsNoSevereLineAndNoWarningAnAdminNeedNotActOn() throws Exception {
        var log = Path.of(System.getProperty("hearth.it.server.log"));
        var before = Files.size(log);
        deployer.deploy(NAME);
        String written;
        try (var http = HttpClient.newHttpClient()) {
            var base = "http://localhost:" + Integer.getInteger("hearth.it.http.port", 28080) + "/" + NAME;
            for (var path : List.of("/", "/feeds/posts.atom", "/api/counts?thread=log-it")) {
                var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding());
                assertEquals(200, response.statusCode(), path);
            }
            var bytes = Files.readAllBytes(log);
            var from = bytes.length >= before ? (int) before : 0; // the log was rotated meanwhile: all of the new one
            written = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } finally {
            deployer.undeploy(NAME);
        }
        // The domain also ran the other test classes' deployments: GlassFish's executor may refuse a last scheduled
        // task of one being undeployed meanwhile ("Module other-it is disabled"). That is not this start's doing.
        var otherModule = Pattern.compile("Module (?!" + NAME + " )\\S+ is disabled");
        var unexpected = ENTRY.matcher(written).results()
                .filter(entry -> entry.group(1).equals("SEVERE") || !entry.group(2).strip().startsWith("HEARTH SETUP TOKEN:"))
                .filter(entry -> !otherModule.matcher(entry.group()).find())
                .map(MatchResult::group).toList();
        assertEquals(List.of(), unexpected);
    }
}

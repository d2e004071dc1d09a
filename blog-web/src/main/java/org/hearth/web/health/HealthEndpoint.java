package org.hearth.web.health;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.schema.BlogSchema;

/**
 * {@code GET /health} for load balancers and monitoring: {@code 200
 * {"status":"UP","database":"UP","schema":"READY","writes":"OK"}} when Hearth can serve pages and save comments,
 * {@code 503} with {@code "status":"DOWN"} and what is down otherwise. {@code "writes":"FAILING"} (with
 * {@code "database":"UP"}) says that the database answers but refuses writes (a read-only or full disk; see
 * {@link DatabaseWrites}): pages are still served, comments are not saved, so a load balancer should prefer another
 * instance. It never names the cause (the server log does). A plain servlet, so it stays clear of the JSON API's Jakarta REST application under
 * {@code /api}; it also takes precedence over the MicroProfile Health servlet GlassFish adds at the same path.
 */
@WebServlet(name = "Health", urlPatterns = "/health")
public class HealthEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient BlogSchema schema;

    @Inject
    private transient DatabaseWrites writes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var schemaReady = schema.isReadyOrRetry();
        var databaseUp = BlogSchema.databaseAnswers();
        var writesAccepted = databaseUp && writes.accepting();
        var up = schemaReady && databaseUp && writesAccepted;
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        var body = Json.createObjectBuilder()
                .add("status", state(up))
                .add("database", state(databaseUp))
                .add("schema", schemaReady ? "READY" : "PENDING")
                .add("writes", writesAccepted ? "OK" : "FAILING")
                .build();
        try (var writer = Json.createWriter(response.getWriter())) {
            writer.writeObject(body);
        }
    }

    private static String state(boolean up) {
        return up ? "UP" : "DOWN";
    }
}

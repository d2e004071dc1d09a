package org.hearth.web.health;

import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.schema.BlogSchema;
import org.hearth.comments.host.WidgetDatabase;

/**
 * Answers a friendly "temporarily unavailable" page ({@code 503} with {@code Retry-After}) instead of an error while
 * the database is out of reach: before the schema could be migrated (the database was down when Hearth started), and
 * when a page or a form fails because the database went away or refused to write. Hearth recovers by itself once the
 * database answers: what became of every write (any method but {@code GET}, {@code HEAD} and {@code OPTIONS}) goes to
 * {@link DatabaseWrites}, which helps the database back up and tells {@code /health}. The comment widget's JSON API
 * answers its own {@code 503} problem body. Mapped in {@code web.xml} ahead of every other filter; {@code /health} and
 * static resources pass through.
 */
public class Availability extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(Availability.class.getName());
    private static final String RETRY_AFTER_SECONDS = "30";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    private transient BlogSchema schema;

    @Inject
    private transient DatabaseWrites writes;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var path = request.getServletPath();
        if (path.equals("/health") || path.startsWith("/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        if (!schema.isReadyOrRetry()) {
            unavailable(response);
            return;
        }
        var write = !READS.contains(request.getMethod());
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!WidgetDatabase.isDatabaseFault(e) || response.isCommitted()) {
                throw e;
            }
            if (write) {
                writes.failed();
            }
            LOG.log(Level.WARNING, "The database did not answer for " + request.getRequestURI()
                    + ": answering 503 'temporarily unavailable'", e);
            response.resetBuffer();
            unavailable(response);
            return;
        }
        if (write) {
            if (response.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                writes.failed();
            } else if (response.getStatus() < 400) {
                writes.succeeded();
            }
        }
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}

package org.hearth.web.health;

import java.io.IOException;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.schema.BlogSchema;

/**
 * Answers a friendly "temporarily unavailable" page ({@code 503} with {@code Retry-After}) instead of an error while
 * the database is out of reach: before the schema could be migrated (the database was down when Hearth started), and
 * when a page fails because the database went away. Hearth recovers by itself once the database answers. Mapped in
 * {@code web.xml} ahead of every other filter; {@code /health} and static resources pass through.
 */
public class Availability extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(Availability.class.getName());
    private static final String RETRY_AFTER_SECONDS = "30";

    @Inject
    private transient BlogSchema schema;

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
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!causedByDatabase(e) || response.isCommitted()) {
                throw e;
            }
            LOG.log(Level.WARNING, "The database did not answer for " + request.getRequestURI()
                    + ": answering 503 'temporarily unavailable'", e);
            response.resetBuffer();
            unavailable(response);
        }
    }

    private static void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }

    private static boolean causedByDatabase(Throwable problem) {
        for (var cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }
}

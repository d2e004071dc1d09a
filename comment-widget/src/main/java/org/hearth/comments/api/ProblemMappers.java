package org.hearth.comments.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.schema.DatabaseFaults;

/** Turns refusals into RFC 9457 problem bodies, so no client ever gets an HTML error page or a stack trace. */
final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    /** How long a client should wait before trying again while the database refuses. */
    static final int RETRY_AFTER_SECONDS = 10;

    private ProblemMappers() {
    }

    /**
     * A failure of the database (out of reach, refusing writes): {@code 503} with {@code Retry-After}, reason
     * {@code database-unavailable}; the client may send the same request again. Anything else unexpected: {@code 500},
     * reason {@code internal-error}, without details (the server log has them).
     */
    static Response unexpected(RuntimeException e) {
        if (DatabaseFaults.isDatabaseFault(e)) {
            LOG.log(Level.WARNING, "The database refused a request of the comments API: answering 503", e);
            return Response.fromResponse(ProblemJson.of(503, "Temporarily unavailable",
                            "Comments cannot be saved right now. Please try again in a moment.", null, "database-unavailable").response())
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.SEVERE, "The comments API failed", e);
        return ProblemJson.of(500, "Internal error", "Something went wrong on our side.", null, "internal-error").response();
    }

    /** Whatever no other mapper takes, such as the database failing (see {@link #unexpected}). */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            return unexpected(e);
        }
    }

    /** A transaction that could not commit, mostly because the database refused it (see {@link #unexpected}). */
    @Provider
    public static class FailedTransaction implements ExceptionMapper<TransactionalException> {
        @Override
        public Response toResponse(TransactionalException e) {
            return unexpected(e);
        }
    }

    /** A refused comment: 400, or 429 when the client posts too often (with {@code Retry-After}: the seconds to wait). */
    @Provider
    public static class InvalidComment implements ExceptionMapper<InvalidCommentException> {
        @Override
        public Response toResponse(InvalidCommentException e) {
            var response = ProblemJson.of(e.isTooMany() ? 429 : 400, e.isTooMany() ? "Too many comments" : "Comment refused",
                    e.getMessage(), e.getField(), e.getReason()).response();
            var retryAfter = e.retryAfterSeconds();
            return retryAfter.isEmpty() ? response : Response.fromResponse(response).header("Retry-After", retryAfter.getAsLong()).build();
        }
    }

    /** Any other HTTP error of the API (unknown path, wrong method, bad parameter). */
    @Provider
    public static class HttpError implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            var status = e.getResponse().getStatus();
            if (e.getResponse().hasEntity() || status < 400) {
                return e.getResponse();
            }
            var reason = Response.Status.fromStatusCode(status);
            return ProblemJson.of(status, reason == null ? "Error" : reason.getReasonPhrase(),
                    e.getMessage() == null ? "" : e.getMessage(), null, "http-" + status).response();
        }
    }
}

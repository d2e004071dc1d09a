package org.hearth.comments.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.hearth.comments.comment.InvalidCommentException;

/** Turns refusals into RFC 9457 problem bodies, so no client ever gets an HTML error page or a stack trace. */
final class ProblemMappers {

    private ProblemMappers() {
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

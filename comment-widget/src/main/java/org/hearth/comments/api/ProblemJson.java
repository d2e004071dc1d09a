package org.hearth.comments.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem body: {@code type}, {@code title}, {@code status}, {@code detail}, plus the extension members
 * {@code field} (the input at fault) and {@code reason} (a stable code such as {@code too-long}).
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "field", "reason"})
public record ProblemJson(String type, String title, int status, String detail, String field, String reason) {

    /** The media type of problem bodies. */
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** A response carrying this problem with its status. */
    public Response response() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    /** A problem with its type named after its reason ({@code https://hearth.example/problems/{reason}}). */
    public static ProblemJson of(int status, String title, String detail, String field, String reason) {
        return new ProblemJson("https://hearth.example/problems/" + reason, title, status, detail, field, reason);
    }
}

package org.hearth.comments.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hearth.comments.notify.AddressConfirmations;
import org.hearth.comments.render.Messages;

/**
 * {@code /api/confirm-address?token=...}: the link of the "confirm your address" e-mail (see
 * {@link AddressConfirmations}). {@code GET} shows a page with one button, so that mail scanners that open links confirm
 * nothing; {@code POST} confirms. The token is signed and expires: no sign-in needed, and nobody can forge one for
 * another address.
 */
@Path("confirm-address")
public class ConfirmAddressResource {

    @Inject
    private AddressConfirmations confirmations;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response ask(@QueryParam("token") String token) {
        if (!isWellFormed(token) || !confirmations.isValid(token)) {
            return refused();
        }
        return Response.ok(UnsubscribeResource.html(messages(), text("confirm.page.title"), "<p>" + text("confirm.page.intro") + "</p>"
                + "<form method=\"post\"><button type=\"submit\">" + text("confirm.page.button") + "</button></form>")).build();
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("token") String token) {
        if (!isWellFormed(token) || !confirmations.confirm(token)) {
            return refused();
        }
        return Response.ok(UnsubscribeResource.html(messages(), text("confirm.done.title"), "<p>" + text("confirm.done.text") + "</p>")).build();
    }

    private static boolean isWellFormed(String token) {
        return token != null && token.matches("[0-9a-f]{64}-[0-9]{1,12}\\.[A-Za-z0-9_-]{1,64}");
    }

    private Response refused() {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML)
                .entity(UnsubscribeResource.html(messages(), text("confirm.invalid.title"), "<p>" + text("confirm.invalid.text") + "</p>")).build();
    }

    @Context
    private HttpServletRequest request;

    /** The widget's texts in the language the reader's browser prefers among its own. */
    private Messages messages() {
        return Messages.of(UnsubscribeResource.language(request));
    }

    private String text(String key) {
        return messages().get(key);
    }
}

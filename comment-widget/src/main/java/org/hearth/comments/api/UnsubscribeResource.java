package org.hearth.comments.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hearth.comments.notify.ReplyNotifications;

/**
 * {@code /api/unsubscribe?token=...}: the link in reply notifications. {@code GET} shows a page with one button (mail
 * scanners that open links unsubscribe nobody); {@code POST} unsubscribes, from that button or from a mail client's
 * one-click unsubscribe (RFC 8058). The token is signed: no sign-in needed, and nobody can forge another's.
 */
@Path("unsubscribe")
public class UnsubscribeResource {

    @Inject
    private ReplyNotifications notifications;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("token") String token) {
        if (!isWellFormed(token)) {
            return refused();
        }
        return page("Stop reply e-mails?", "<p>You will no longer get an e-mail when someone replies to your comment.</p>"
                + "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form>");
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response unsubscribe(@QueryParam("token") String token) {
        if (!isWellFormed(token) || !notifications.unsubscribe(token)) {
            return refused();
        }
        return page("Unsubscribed", "<p>Done: you will get no more e-mails about replies to this comment.</p>");
    }

    private static boolean isWellFormed(String token) {
        return token != null && token.matches("[0-9]+\\.[A-Za-z0-9_-]+");
    }

    private static Response refused() {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML)
                .entity(html("Link not valid", "<p>This unsubscribe link is not valid. Please use the link from the e-mail as it is.</p>")).build();
    }

    private static Response page(String title, String body) {
        return Response.ok(html(title, body)).build();
    }

    /** A small page of the widget's own: the title as its heading, then {@code body} (HTML the caller wrote). */
    static String html(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + title + "</title></head><body><main><h1>" + title + "</h1>" + body
                + "</main></body></html>";
    }
}

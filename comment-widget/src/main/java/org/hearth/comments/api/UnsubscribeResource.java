package org.hearth.comments.api;

import java.util.Locale;

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

import org.hearth.comments.host.Languages;
import org.hearth.comments.notify.ReplyNotifications;
import org.hearth.comments.render.Html;
import org.hearth.comments.render.Messages;

/**
 * {@code /api/unsubscribe?token=...}: the link in reply notifications. {@code GET} shows a page with one button (mail
 * scanners that open links unsubscribe nobody); {@code POST} unsubscribes, from that button or from a mail client's
 * one-click unsubscribe (RFC 8058). The token is signed: no sign-in needed, and nobody can forge another's.
 */
@Path("unsubscribe")
public class UnsubscribeResource {

    @Inject
    private ReplyNotifications notifications;

    @Context
    private HttpServletRequest request;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("token") String token) {
        if (!isWellFormed(token)) {
            return refused();
        }
        var text = Messages.of(language(request));
        return page(text.get("unsubscribe.title"), "<p>" + Html.escape(text.get("unsubscribe.text")) + "</p>"
                + "<form method=\"post\"><button type=\"submit\">" + Html.escape(text.get("unsubscribe.button")) + "</button></form>");
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response unsubscribe(@QueryParam("token") String token) {
        if (!isWellFormed(token) || !notifications.unsubscribe(token)) {
            return refused();
        }
        var text = Messages.of(language(request));
        return page(text.get("unsubscribe.done.title"), "<p>" + Html.escape(text.get("unsubscribe.done.text")) + "</p>");
    }

    private static boolean isWellFormed(String token) {
        return token != null && token.matches("[0-9]+\\.[A-Za-z0-9_-]+");
    }

    private Response refused() {
        var text = Messages.of(language(request));
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML)
                .entity(html(text, text.get("unsubscribe.invalid.title"), "<p>" + Html.escape(text.get("unsubscribe.invalid.text")) + "</p>")).build();
    }

    private Response page(String title, String body) {
        return Response.ok(html(Messages.of(language(request)), title, body)).build();
    }

    /** The language the reader's browser prefers among the widget's (the link comes from an e-mail: no page names one). */
    static Locale language(HttpServletRequest request) {
        return Languages.of().negotiate(request.getHeader("Accept-Language")).orElse(Locale.ENGLISH);
    }

    /** A small page of the widget's own in {@code text}'s language: the title as its heading, then {@code body} (HTML the caller wrote). */
    static String html(Messages text, String title, String body) {
        var language = text.locale();
        return "<!DOCTYPE html><html lang=\"" + language.toLanguageTag() + "\" dir=\"" + Languages.direction(language) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>"
                + Html.escape(title) + "</title></head><body><main><h1>" + Html.escape(title) + "</h1>" + body + "</main></body></html>";
    }
}

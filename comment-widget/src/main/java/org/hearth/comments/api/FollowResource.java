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

import org.hearth.comments.notify.ThreadFollowers;
import org.hearth.comments.render.Html;
import org.hearth.comments.render.Messages;

/**
 * The links of "Follow this discussion" ({@link ThreadFollowers}): {@code /api/follow?token=} confirms following,
 * {@code /api/follow/stop?token=} ends it. Each {@code GET} shows a page with one button, so that mail scanners that open
 * links change nothing; each {@code POST} acts: from that button, or for {@code stop} from a mail client's one-click
 * unsubscribe (RFC 8058). Tokens are signed (and confirmation tokens expire): nobody can forge one for another address.
 */
@Path("follow")
public class FollowResource {

    private static final String TOKEN = "[0-9-]{1,40}\\.[A-Za-z0-9_-]{1,64}";

    @Inject
    private ThreadFollowers followers;

    @Context
    private HttpServletRequest request;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response ask(@QueryParam("token") String token) {
        if (!isWellFormed(token) || !followers.isValid(token)) {
            return refused("follow.invalid.text");
        }
        return buttonPage("follow.page.title", "follow.page.intro", "follow.page.button");
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("token") String token) {
        var thread = isWellFormed(token) ? followers.confirm(token) : java.util.Optional.<org.hearth.comments.thread.CommentThread>empty();
        if (thread.isEmpty()) {
            return refused("follow.invalid.text");
        }
        var link = "<a href=\"" + Html.escape(thread.get().getUrl()) + "\">" + Html.escape(thread.get().getTitle()) + "</a>";
        return Response.ok(UnsubscribeResource.html(messages(), text("follow.done.title"), "<p>" + text("follow.done.text", link) + "</p>")).build();
    }

    @GET
    @Path("stop")
    @Produces(MediaType.TEXT_HTML)
    public Response askStop(@QueryParam("token") String token) {
        if (!isWellFormed(token)) {
            return refused("unfollow.invalid.text");
        }
        return buttonPage("unfollow.page.title", "unfollow.page.intro", "unfollow.page.button");
    }

    @POST
    @Path("stop")
    @Produces(MediaType.TEXT_HTML)
    public Response stop(@QueryParam("token") String token) {
        if (!isWellFormed(token) || !followers.unfollow(token)) {
            return refused("unfollow.invalid.text");
        }
        return Response.ok(UnsubscribeResource.html(messages(), text("unfollow.done.title"), "<p>" + text("unfollow.done.text") + "</p>")).build();
    }

    private static boolean isWellFormed(String token) {
        return token != null && token.matches(TOKEN);
    }

    private Response buttonPage(String title, String intro, String button) {
        return Response.ok(UnsubscribeResource.html(messages(), text(title), "<p>" + text(intro) + "</p>"
                + "<form method=\"post\"><button type=\"submit\">" + text(button) + "</button></form>")).build();
    }

    private Response refused(String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML)
                .entity(UnsubscribeResource.html(messages(), text("follow.invalid.title"), "<p>" + text(message) + "</p>")).build();
    }

    /** The widget's texts in the reader's language (this page is opened from an e-mail, with no other hint). */
    private Messages messages() {
        return Messages.of(UnsubscribeResource.language(request));
    }

    private String text(String key, Object... arguments) {
        return messages().get(key, arguments);
    }
}

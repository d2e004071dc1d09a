package org.hearth.web.console;

import java.io.IOException;

import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import org.hearth.comments.host.Moderation;
import org.hearth.web.Messages;
import org.hearth.web.signin.SignedInMember;

/**
 * What the console's moderation pages share (the queue, a ban, the bans, a commenter's profile): the widget's
 * moderation, the request, the moderator signed in and the page's messages, and lifting a ban from its Unban button.
 */
public abstract class ModeratorPage {

    @Inject
    protected Moderation moderation;

    @Inject
    protected FacesContext faces;

    @Inject
    protected SignedInMember member;

    @Inject
    protected Messages messages;

    /**
     * Lifts the ban of the UNBAN button this postback was sent with (if any) and redirects to {@code back}; a ban that
     * is gone is reported instead.
     */
    protected void unban(String back) throws IOException {
        var decision = Decision.of(faces);
        if (decision.isEmpty() || !decision.get().verb().equals("UNBAN") || decision.get().id().isEmpty()) {
            return;
        }
        try {
            moderation.lift(decision.get().id().get(), member.getName());
        } catch (IllegalArgumentException e) {
            messages.error(null, "bans.gone");
            return;
        }
        messages.flashInfo("bans.lifted.done");
        redirect(back);
    }

    /** Redirects to this path of the site. */
    protected void redirect(String path) throws IOException {
        var external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
    }
}

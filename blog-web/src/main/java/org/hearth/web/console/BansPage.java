package org.hearth.web.console;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.comments.comment.Ban;
import org.hearth.comments.moderation.ModerationQueue;
import org.hearth.web.Messages;
import org.hearth.web.signin.SignedInMember;

/**
 * The bans ({@code /console/bans/}): those in force, newest first, each with whom and what it was about (the banned
 * comment's author name and an excerpt; never an address), what it covers, the reason, who banned and when, and when it
 * expires, with an "Unban" button; below, the bans that ended (expired or lifted). Banning starts from a comment (see
 * {@link BanPage}).
 */
@Named
@RequestScoped
public class BansPage {

    private static final int MAX = 200;

    @Inject
    private ModerationQueue queue;

    @Inject
    private FacesContext faces;

    @Inject
    private SignedInMember member;

    @Inject
    private Messages messages;

    private List<Ban> active;
    private List<Ban> ended;

    /** Runs before rendering, also on postback: lifts the ban of the button pressed, then redirects. */
    public void act() throws IOException {
        unban(faces, queue, member, messages, "/console/bans/index.xhtml");
    }

    /**
     * Lifts the ban of the UNBAN button this postback was sent with (if any) and redirects to {@code back}; a ban that
     * is gone is reported instead.
     */
    static void unban(FacesContext faces, ModerationQueue queue, SignedInMember member, Messages messages, String back) throws IOException {
        var decision = Decision.of(faces);
        if (decision.isEmpty() || !decision.get().verb().equals("UNBAN") || decision.get().id().isEmpty()) {
            return;
        }
        try {
            queue.lift(decision.get().id().get(), member.getName());
        } catch (IllegalArgumentException e) {
            messages.error(null, "bans.gone");
            return;
        }
        messages.flashInfo("bans.lifted.done");
        var external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + back);
    }

    public List<Ban> getActive() {
        if (active == null) {
            active = queue.activeBans(MAX);
        }
        return active;
    }

    public List<Ban> getEnded() {
        if (ended == null) {
            ended = queue.endedBans(50);
        }
        return ended;
    }
}

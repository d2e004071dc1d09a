package org.hearth.sample;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.hearth.comments.host.Moderation;
import org.hearth.comments.host.ModerationAction;

/** The team's moderation page: the comments that wait, and the decision on each (approve, spam, delete). */
@Named
@RequestScoped
public class ModerationPage {

    private static final int SHOWN = 50;

    @Inject
    private Moderation moderation;

    @Inject
    private SecurityContext security;

    private List<Moderation.QueueGroup> pending;

    /** The waiting comments, by thread. */
    public List<Moderation.QueueGroup> getPending() {
        if (pending == null) {
            pending = moderation.queue(Moderation.Filter.PENDING, null, 0, SHOWN);
        }
        return pending;
    }

    public String approve(long commentId) {
        return decide(commentId, ModerationAction.APPROVE);
    }

    public String spam(long commentId) {
        return decide(commentId, ModerationAction.SPAM);
    }

    public String delete(long commentId) {
        return decide(commentId, ModerationAction.DELETE);
    }

    private String decide(long commentId, ModerationAction action) {
        try {
            moderation.decide(List.of(commentId), action, null, security.getCallerPrincipal().getName());
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "That comment no longer exists.", null));
            return null;
        }
        return "moderation?faces-redirect=true";
    }
}

package org.hearth.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.rule.RuleException;
import org.hearth.blog.team.TeamService;
import org.hearth.comments.host.Moderation;
import org.hearth.comments.host.TeamInbox;
import org.hearth.web.Messages;
import org.hearth.web.signin.SignedInMember;

/** The console's first page: what waits for the team this morning, and one's own e-mail notifications. */
@Named
@RequestScoped
public class ConsoleHome {

    @Inject
    private TeamInbox inbox;

    @Inject
    private Moderation moderation;

    @Inject
    private TeamService team;

    @Inject
    private SignedInMember member;

    @Inject
    private Messages messages;

    private String email;
    private Boolean notifyPending;

    public String saveNotifications() {
        try {
            team.changeNotifications(member.require().getUsername(), email, Boolean.TRUE.equals(notifyPending));
        } catch (RuleException e) {
            messages.error("notifications:email", e);
            return null;
        }
        messages.flashInfo("home.notifications.saved");
        return "/console/index.xhtml?faces-redirect=true";
    }

    public String getEmail() {
        return email != null ? email : member.require().getEmail();
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isNotifyPending() {
        return notifyPending != null ? notifyPending : member.require().isNotifyPending();
    }

    public void setNotifyPending(boolean notifyPending) {
        this.notifyPending = notifyPending;
    }

    public long getUnanswered() {
        return inbox.count(null);
    }

    public long getPending() {
        return moderation.countPending();
    }
}

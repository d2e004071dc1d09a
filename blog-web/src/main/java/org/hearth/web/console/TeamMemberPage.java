package org.hearth.web.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.rule.RuleException;
import org.hearth.blog.team.SignInThrottle;
import org.hearth.blog.team.TeamRole;
import org.hearth.blog.team.TeamService;
import org.hearth.blog.team.TeamUser;
import org.hearth.web.Messages;
import org.hearth.web.feed.SiteAddress;
import org.hearth.web.signin.NewPassword;
import org.hearth.web.signin.ResetPasswordPage;
import org.hearth.web.signin.SignedInMember;

/**
 * One team member ({@code /console/team/member.xhtml?username=...}, admins only): change their role, set a new password
 * for them, see their failed sign-ins and lift the waits these imposed, remove them from the team or take them back. The
 * team always keeps an active admin; every change ends the member's open sessions (see
 * {@link org.hearth.web.signin.StaleSessions}), except an admin's own password change.
 */
@Named
@RequestScoped
public class TeamMemberPage {

    @Inject
    private TeamService team;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private SignedInMember signedIn;

    @Inject
    private FacesContext faces;

    @Inject
    private Messages messages;

    private String username;
    private Optional<TeamUser> member;
    private TeamRole role;
    private final NewPassword newPassword = new NewPassword();
    private String resetLink;
    private SignInThrottle.FailedSignIns failedSignIns;

    /**
     * The member comes from the {@code username} parameter: the address on a GET, a hidden field of each form on a
     * postback (known before the forms are decoded, so that what they render is what they decode).
     */
    @PostConstruct
    void readUsername() {
        username = faces.getExternalContext().getRequestParameterMap().get("username");
    }

    /** A member who does not exist is a 404. */
    public void load() throws IOException {
        if (getMember() == null) {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such team member");
            faces.responseComplete();
        }
    }

    public String changeRole() {
        try {
            team.changeRole(username, role);
        } catch (TeamService.LastAdminException e) {
            messages.error(null, "team.lastAdmin", username);
            return null;
        }
        messages.flashInfo("team.roleChanged", username, messages.text("team.role." + role.group()));
        return self();
    }

    public String resetPassword() {
        if (!newPassword.isConfirmed()) {
            messages.error("passwordReset:confirmation", "setup.mismatch");
            return null;
        }
        try {
            team.changePassword(username, newPassword.getPassword());
        } catch (RuleException e) {
            messages.error("passwordReset:password", e);
            return null;
        }
        if (isSelf()) {
            signedIn.stayAfterPasswordChange();
        }
        messages.flashInfo("team.passwordReset", username);
        return self();
    }

    /** A one-time link for the member to choose a new password themselves, shown on this page only (never sent). */
    public String createResetLink() {
        try {
            var token = team.issueResetToken(username);
            resetLink = SiteAddress.of((HttpServletRequest) faces.getExternalContext().getRequest()) + ResetPasswordPage.PATH
                    + "?token=" + token;
        } catch (RuleException e) {
            messages.error(null, e);
        }
        return null;
    }

    /** The link just created, or null. */
    public String getResetLink() {
        return resetLink;
    }

    /** The failed sign-ins as this member that still count. */
    public SignInThrottle.FailedSignIns getFailedSignIns() {
        if (failedSignIns == null) {
            failedSignIns = throttle.failuresOf(username);
        }
        return failedSignIns;
    }

    /** Lets the member sign in at once from every address where failures made them wait. */
    public String liftWaits() {
        throttle.lift(username);
        messages.flashInfo("team.signins.lifted", username);
        return self();
    }

    public String remove() {
        try {
            team.deactivate(username);
        } catch (TeamService.LastAdminException e) {
            messages.error(null, "team.lastAdmin", username);
            return null;
        }
        messages.flashInfo("team.removed", username);
        return self();
    }

    public String takeBack() {
        team.reactivate(username);
        messages.flashInfo("team.reactivated", username);
        return self();
    }

    private String self() {
        return "/console/team/member.xhtml?faces-redirect=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    }

    /** The member shown, or null when there is none of this name. */
    public TeamUser getMember() {
        if (member == null) {
            member = username == null ? Optional.empty() : team.findByUsername(username);
        }
        return member.orElse(null);
    }

    /** Whether the member shown is the admin looking at the page. */
    public boolean isSelf() {
        return signedIn.user().map(u -> u.getUsername().equals(username)).orElse(false);
    }

    public TeamRole[] getRoles() {
        return TeamRole.values();
    }

    public String getUsername() {
        return username;
    }

    public TeamRole getRole() {
        return role != null ? role : getMember() == null ? null : getMember().getRole();
    }

    public void setRole(TeamRole role) {
        this.role = role;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }
}

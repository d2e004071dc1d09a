package org.hearth.web.signin;

import java.io.IOException;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.rule.RuleException;
import org.hearth.blog.team.TeamService;
import org.hearth.blog.team.TeamUser;
import org.hearth.web.Messages;

/**
 * A member chooses a new password through the one-time link an admin gave them ({@value #PATH}{@code ?token=...}). The
 * token travels in the address and then in a hidden field of the form; it works once.
 */
@Named
@RequestScoped
public class ResetPasswordPage {

    public static final String PATH = "/reset-password.xhtml";

    @Inject
    private TeamService team;

    @Inject
    private FacesContext faces;

    @Inject
    private Messages messages;

    private String token;
    private Optional<TeamUser> member;
    private final NewPassword newPassword = new NewPassword();

    /** Also keeps the page, whose address holds the token, out of every cache and every Referer header. */
    @PostConstruct
    void readToken() {
        var external = faces.getExternalContext();
        token = external.getRequestParameterMap().get("token");
        external.setResponseHeader("Cache-Control", "no-store");
        external.setResponseHeader("Referrer-Policy", "no-referrer");
    }

    /** The member the link is for, or null when it is not valid (any more). */
    public TeamUser getMember() {
        if (member == null) {
            member = team.findByResetToken(token);
        }
        return member.orElse(null);
    }

    public void save() throws IOException {
        if (!newPassword.isConfirmed()) {
            messages.error("reset:confirmation", "setup.mismatch");
            return;
        }
        try {
            team.resetWithToken(token, newPassword.getPassword());
        } catch (TeamService.ResetRefusedException e) {
            messages.error(null, "reset.refused");
            return;
        } catch (RuleException e) {
            messages.error("reset:password", e);
            return;
        }
        messages.flashInfo("reset.done");
        var external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + ConsoleSecurity.SIGN_IN_PAGE);
    }

    public String getToken() {
        return token;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }
}

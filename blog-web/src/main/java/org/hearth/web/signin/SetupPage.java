package org.hearth.web.signin;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.rule.RuleException;
import org.hearth.blog.team.FirstAdminSetup;
import org.hearth.web.Messages;

/** First run: the one-time setup token from the server log creates the first admin. */
@Named
@RequestScoped
public class SetupPage {

    @Inject
    private FirstAdminSetup setup;

    @Inject
    private FacesContext faces;

    @Inject
    private Messages messages;

    private String token;
    private String username;
    private String displayName;
    private final NewPassword newPassword = new NewPassword();

    public boolean isNeeded() {
        return setup.isNeeded();
    }

    public void create() throws IOException {
        if (!newPassword.isConfirmed()) {
            messages.error("setup:confirmation", "setup.mismatch");
            return;
        }
        try {
            setup.redeem(token, username, displayName, newPassword.getPassword());
        } catch (FirstAdminSetup.RefusedException e) {
            messages.error("setup:token", "setup.refused");
            return;
        } catch (RuleException e) {
            messages.error(null, e);
            return;
        }
        messages.flashInfo("setup.done");
        var external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + ConsoleSecurity.SIGN_IN_PAGE);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public NewPassword getNewPassword() {
        return newPassword;
    }
}

package org.hearth.web.signin;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.web.Messages;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * The sign-in form, and signing out. The session id changes on every sign-in (no session fixation). A refusal reads the
 * same for an unknown username and a wrong password; after a few from one address it also says how long to wait.
 */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    private SecurityContext security;

    @Inject
    private FacesContext faces;

    @Inject
    private SignInAttempt attempt;

    @Inject
    private Messages messages;

    private String username;
    private String password;

    public void signIn() throws IOException {
        var external = faces.getExternalContext();
        var request = (HttpServletRequest) external.getRequest();
        var response = (HttpServletResponse) external.getResponse();
        request.getSession(true);
        request.changeSessionId();
        var status = security.authenticate(request, response, withParams()
                .credential(new UsernamePasswordCredential(username == null ? "" : username, new Password(password == null ? "" : password)))
                .newAuthentication(false));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + ConsoleSecurity.CONSOLE_HOME);
            default -> {
                password = null;
                messages.error(null, "signin.refused");
                if (attempt.secondsToWait() > 0) {
                    messages.error(null, "signin.wait", attempt.secondsToWait());
                }
            }
        }
    }

    /** Ends the session and goes to the home page. */
    public void signOut() throws Exception {
        var external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}

package org.hearth.web.signin;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * How the team signs in: a Faces form at {@value #SIGN_IN_PAGE} ({@link SignInPage}) checked by {@link TeamIdentityStore}.
 * An anonymous request for a console URL is redirected there and, once signed in, back to where it was going; the
 * authentication lives in the HTTP session (the console only: readers never get one). Which role may open which
 * console URL is declared in {@code web.xml}.
 */
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = ConsoleSecurity.SIGN_IN_PAGE, errorPage = "", useForwardToLogin = false))
@DeclareRoles({ConsoleSecurity.ADMIN, ConsoleSecurity.AUTHOR, ConsoleSecurity.MODERATOR})
@ApplicationScoped
public class ConsoleSecurity {

    public static final String SIGN_IN_PAGE = "/sign-in.xhtml";
    public static final String CONSOLE_HOME = "/console/index.xhtml";
    public static final String ADMIN = "admin";
    public static final String AUTHOR = "author";
    public static final String MODERATOR = "moderator";
}

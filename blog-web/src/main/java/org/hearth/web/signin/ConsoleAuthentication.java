package org.hearth.web.signin;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition.CustomFormAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanismHandler;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.host.CrossSite;
import org.hearth.web.error.RefusedRequests;
import org.hearth.web.site.SiteProtection;

/**
 * Hands every request to the console's sign-in mechanism ({@link ConsoleSecurity}), except a body too large for any
 * form of the site: authentication runs before the site's filters, and for a visitor who is not signed in it keeps
 * the request's parameters to resume it after signing in, which would read the whole body. That one is answered
 * {@code 413} at once, as {@link SiteProtection} answers it elsewhere (an export for the import, which nobody needs
 * to be signed in to send, may be larger: its servlet checks its sender before it reads it).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanismHandler {

    @Inject
    @CustomFormAuthenticationMechanism
    private HttpAuthenticationMechanism signIn;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        var limit = Math.max(SiteProtection.MAX_CONSOLE_FORM_BYTES, SiteProtection.maxBodyBytes(request.getServletPath()));
        if (CrossSite.isUnsafe(request.getMethod()) && request.getContentLengthLong() > limit) {
            try {
                RefusedRequests.problem(response, "too-large");
            } catch (java.io.IOException e) {
                throw new AuthenticationException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        return signIn.validateRequest(request, response, context);
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        return signIn.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        signIn.cleanSubject(request, response, context);
    }
}

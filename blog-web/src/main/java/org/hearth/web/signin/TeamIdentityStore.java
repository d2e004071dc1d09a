package org.hearth.web.signin;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import org.hearth.blog.team.TeamService;

/**
 * Checks team members' passwords against {@link TeamService}, which also counts failures towards the waits of the
 * request's network address ({@code getRemoteAddr()}: behind a reverse proxy, have GlassFish take it from
 * {@code X-Forwarded-For}), and has the session remember the member's access version ({@link StaleSessions}).
 */
@ApplicationScoped
public class TeamIdentityStore implements IdentityStore {

    @Inject
    private TeamService team;

    @Inject
    private HttpServletRequest request;

    @Inject
    private SignInAttempt attempt;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        var result = team.signIn(credential.getCaller(), credential.getPasswordAsString(), request.getRemoteAddr());
        attempt.record(result);
        result.user().ifPresent(user -> StaleSessions.remember(request, user));
        return result.user()
                .map(user -> new CredentialValidationResult(user.getUsername(), Set.of(user.getRole().group())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}

package org.hearth.web.signin;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.hearth.blog.team.TeamService;

/** Checks team members' passwords against {@link TeamService}, which also counts failures towards the lockout. */
@ApplicationScoped
public class TeamIdentityStore implements IdentityStore {

    @Inject
    private TeamService team;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        var result = team.signIn(credential.getCaller(), credential.getPasswordAsString());
        return result.user()
                .map(user -> new CredentialValidationResult(user.getUsername(), Set.of(user.getRole().group())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}

package org.hearth.web.signin;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.hearth.blog.team.TeamService;
import org.hearth.blog.team.TeamUser;

/** The team member signed in for this request, if any (EL name {@code member}). */
@Named("member")
@RequestScoped
public class SignedInMember {

    @Inject
    private SecurityContext security;

    @Inject
    private TeamService team;

    @Inject
    private FacesContext faces;

    private Optional<TeamUser> user;

    public Optional<TeamUser> user() {
        if (user == null) {
            var principal = security.getCallerPrincipal();
            user = principal == null ? Optional.empty() : team.findByUsername(principal.getName());
        }
        return user;
    }

    /** @throws IllegalStateException when nobody is signed in (console pages are never reached so) */
    public TeamUser require() {
        return user().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
    }

    /** Keeps this session signed in after the member changed their own password (other sessions of theirs end). */
    public void stayAfterPasswordChange() {
        user = team.findByUsername(require().getUsername());
        StaleSessions.remember((HttpServletRequest) faces.getExternalContext().getRequest(), require());
    }

    public boolean isSignedIn() {
        return user().isPresent();
    }

    public String getName() {
        return user().map(u -> u.getAuthor().getDisplayName()).orElse("");
    }

    public boolean isAdmin() {
        return security.isCallerInRole(ConsoleSecurity.ADMIN);
    }

    public boolean isWriter() {
        return isAdmin() || security.isCallerInRole(ConsoleSecurity.AUTHOR);
    }

    public boolean isModerator() {
        return isAdmin() || security.isCallerInRole(ConsoleSecurity.MODERATOR);
    }
}

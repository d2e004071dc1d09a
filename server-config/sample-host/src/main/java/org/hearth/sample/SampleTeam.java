package org.hearth.sample;

import java.util.Collection;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import org.hearth.comments.host.Badge;
import org.hearth.comments.host.TeamDirectory;
import org.hearth.comments.host.TeamMember;

/**
 * The sample site's team for the comment widget: whoever signed in with the role {@value SampleSecurity#TEAM_ROLE}
 * comments with the "Team" badge (or "Author" on the page they wrote), and guests may not take their names.
 */
@ApplicationScoped
public class SampleTeam implements TeamDirectory {

    @Inject
    private SecurityContext security;

    @Override
    public Optional<TeamMember> signedIn(String threadKey) {
        if (!security.isCallerInRole(SampleSecurity.TEAM_ROLE)) {
            return Optional.empty();
        }
        var member = SampleSecurity.member(security.getCallerPrincipal().getName());
        return member.map(m -> new TeamMember(m.name(), m.wrote(threadKey) ? Badge.AUTHOR : Badge.TEAM));
    }

    @Override
    public Collection<String> reservedNames() {
        return SampleSecurity.MEMBERS.stream().map(SampleSecurity.Member::name).toList();
    }
}

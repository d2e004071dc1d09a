package org.hearth.sample;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.InMemoryIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.InMemoryIdentityStoreDefinition.Credentials;

/**
 * Who may sign in to the sample site: its team, from Jakarta Security's in-memory identity store, with HTTP Basic
 * authentication (a real site uses its own identity store and sign-in form). Sign-in is asked for on the team's pages
 * ({@code /team/*}); a request that carries credentials is signed in anywhere, so the widget badges the team's comments.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "Sample site team")
@InMemoryIdentityStoreDefinition({
        @Credentials(callerName = "rosa", password = SampleSecurity.DEMO_PASSWORD, groups = SampleSecurity.TEAM_ROLE),
        @Credentials(callerName = "sam", password = SampleSecurity.DEMO_PASSWORD, groups = SampleSecurity.TEAM_ROLE)})
public class SampleSecurity {

    /** The role of the team: moderators and writers. */
    public static final String TEAM_ROLE = "team";

    /** The demo team's password (the sample is a demonstration: never deploy it as a public site). */
    public static final String DEMO_PASSWORD = "sample-team-password";

    /**
     * A team member.
     *
     * @param login  the name they sign in with
     * @param name   the name their comments carry
     * @param thread the key of the thread of the page they wrote, or null
     */
    public record Member(String login, String name, String thread) {
        boolean wrote(String threadKey) {
            return thread != null && thread.equals(threadKey);
        }
    }

    /** The team. */
    public static final List<Member> MEMBERS = List.of(
            new Member("rosa", "Rosa Lindqvist", SamplePage.THREAD),
            new Member("sam", "Sam Okoye", null));

    static Optional<Member> member(String login) {
        return MEMBERS.stream().filter(m -> m.login().equals(login)).findFirst();
    }
}

package org.hearth.comments.team;

import java.util.Optional;

/**
 * What the widget asks the host about its team: the service provider interface a host implements as a CDI bean
 * (any scope; one bean). Comments written while {@link #signedIn(String)} answers a member carry that member's name and
 * badge ("Author" or "Team"): the badge follows the sign-in, never a typed name. Guests may not use a reserved name.
 * <p>
 * A host that provides no bean has no team: nobody is signed in and no name is reserved.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class SiteTeam implements TeamDirectory {
 *     @Inject SecurityContext security;
 *     public Optional<TeamMember> signedIn(String threadKey) { ... }
 *     public boolean isReserved(String name) { ... }
 * }
 * }</pre>
 */
public interface TeamDirectory {

    /**
     * The team member signed in for the current request, with the badge they earn in the thread with this key; empty
     * for a guest.
     */
    Optional<TeamMember> signedIn(String threadKey);

    /** Whether guests are refused this name (compare leniently: case and surrounding blanks should not matter). */
    boolean isReserved(String name);
}

package org.hearth.comments.host;

import java.util.Collection;
import java.util.Optional;

/**
 * What the widget asks the host about its team: the service provider interface a host implements as a CDI bean
 * (any scope; one bean). Comments written while {@link #signedIn(String)} answers a member carry that member's name and
 * badge ("Author" or "Team"): the badge follows the sign-in, never a typed name. Guests may not use a reserved name,
 * nor anything that looks like one: the widget compares what a guest types with each of {@link #reservedNames()} by
 * their Unicode confusables skeletons (see {@link org.hearth.comments.comment.TextRules#looksAlike}), so
 * {@code "rosa lindqvist"}, {@code "Rosa\u00A0Lindqvist"}, {@code "Rosa Lindqvist\u200B"} or {@code "Rоsa Lindqvist"}
 * with a Cyrillic {@code о} are all refused when {@code "Rosa Lindqvist"} is reserved. The host lists its names as
 * they are written; it compares nothing itself.
 * <p>
 * A host that provides no bean has no team: nobody is signed in and no name is reserved.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class SiteTeam implements TeamDirectory {
 *     @Inject SecurityContext security;
 *     public Optional<TeamMember> signedIn(String threadKey) { ... }
 *     public Collection<String> reservedNames() { return List.of("Rosa Lindqvist", "Sam Okoye"); }
 * }
 * }</pre>
 */
public interface TeamDirectory {

    /**
     * The team member signed in for the current request, with the badge they earn in the thread with this key; empty
     * for a guest.
     */
    Optional<TeamMember> signedIn(String threadKey);

    /**
     * The names guests may not use, nor look-alikes of them, as the team writes them (asked each time a guest posts:
     * meant for a team of a few dozen names, not a whole user base).
     */
    Collection<String> reservedNames();
}

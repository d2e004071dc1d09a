package org.hearth.comments.host;

import java.util.Objects;


/**
 * A signed-in member of the site's team, as the host sees them for one thread.
 *
 * @param name  the name their comments carry
 * @param badge {@link Badge#AUTHOR} when they wrote the page the thread belongs to, else {@link Badge#TEAM}
 */
public record TeamMember(String name, Badge badge) {

    public TeamMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(badge, "badge");
    }
}

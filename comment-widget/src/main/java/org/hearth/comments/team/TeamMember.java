package org.hearth.comments.team;

import java.util.Objects;

import org.hearth.comments.comment.Badge;

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

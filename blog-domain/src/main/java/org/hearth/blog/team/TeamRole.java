package org.hearth.blog.team;

import java.util.Locale;

/** What a team member may do in the console. Each maps to one security role of the same name in lower case. */
public enum TeamRole {
    /** Everything, including managing the team. */
    ADMIN,
    /** Writes and publishes their own posts. */
    AUTHOR,
    /** Moderates comments and answers the community. */
    MODERATOR;

    /** The security role ({@code admin}, {@code author}, {@code moderator}). */
    public String group() {
        return name().toLowerCase(Locale.ROOT);
    }
}

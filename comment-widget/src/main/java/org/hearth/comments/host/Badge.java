package org.hearth.comments.host;

/** The mark of a comment written by a signed-in team member; a guest's comment has none. */
public enum Badge {
    /** The author of the page the thread belongs to. */
    AUTHOR("Author"),
    /** A moderator or other member of the site's team. */
    TEAM("Team");

    private final String label;

    Badge(String label) {
        this.label = label;
    }

    /** The English label shown beside the name (the JSON API uses it as is). */
    public String label() {
        return label;
    }
}

package org.hearth.comments.host;

/** What a moderator did to a comment. */
public enum ModerationAction {
    APPROVE, SPAM, DELETE,
    /** Marks the comment as spam and refuses later comments from its e-mail address, its network address or both. */
    BAN;

    /** The longest reason a moderator may give for a decision, in characters (the widget stores it with the decision). */
    public static final int REASON_MAX = 500;
}

package org.hearth.comments.moderation;

/** What a moderator did to a comment. */
public enum ModerationAction {
    APPROVE, SPAM, DELETE,
    /** Marks the comment as spam and refuses later comments from its e-mail address, its network address or both. */
    BAN
}

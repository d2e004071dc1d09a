package org.hearth.comments.comment;

import java.time.Duration;
import java.time.Instant;

/**
 * The widget's defences against unwanted comments, as plain rules. A comment that breaks a hard rule is refused with
 * an {@link InvalidCommentException} naming the field and reason (nothing is stored); one that only looks doubtful is
 * held for moderation.
 *
 * @param minTimeToSubmit least time between showing a form and posting it (people read before they write)
 * @param perMinute       comments one client may post in a minute
 * @param maxLinks        links a comment may hold before it waits for a moderator
 */
public record SpamRules(Duration minTimeToSubmit, int perMinute, int maxLinks) {

    /**
     * Refuses a comment that breaks a hard rule.
     *
     * @param commenter       who posts, with the form's hidden evidence
     * @param now             the time of posting
     * @param postedLastMinute comments this client stored in the last minute
     * @param duplicates      comments with exactly this body in the same thread
     * @param banned          whether the e-mail or client is banned
     * @throws InvalidCommentException on the first broken rule
     */
    public void refuse(Commenter commenter, Instant now, long postedLastMinute, long duplicates, boolean banned) {
        if (commenter.honeypot() != null && !commenter.honeypot().isEmpty()) {
            throw new InvalidCommentException("homepage", "honeypot", "This field must stay empty.");
        }
        if (commenter.formShownAt() == null) {
            throw new InvalidCommentException("form", "form-expired",
                    "This form has expired or was not shown by this site. Please reload the page and post your comment again.");
        }
        if (commenter.formShownAt().plus(minTimeToSubmit).isAfter(now)) {
            throw new InvalidCommentException("body", "too-fast",
                    "That was quick! Please take a few seconds to read your comment, then post it again.");
        }
        if (banned) {
            throw new InvalidCommentException("email", "banned", "Comments from you are not accepted on this site.");
        }
        if (postedLastMinute >= perMinute) {
            throw new InvalidCommentException("body", "rate-limit",
                    "You have posted " + perMinute + " comments in the last minute; please wait a moment.", true);
        }
        if (duplicates > 0) {
            throw new InvalidCommentException("body", "duplicate", "This exact comment is already in the discussion.");
        }
    }

    /** Whether a comment that passed {@link #refuse} should still wait for a moderator. */
    public boolean holdForModeration(CommentBody body) {
        return body.linkCount() > maxLinks;
    }
}

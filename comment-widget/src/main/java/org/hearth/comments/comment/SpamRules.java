package org.hearth.comments.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hearth.comments.host.Commenter;
import org.hearth.comments.host.InvalidCommentException;

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

    /** The window of the rate limit: {@code perMinute} comments in any such span. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    /**
     * Refuses a comment that breaks a hard rule.
     *
     * @param commenter       who posts, with the form's hidden evidence
     * @param now             the time of posting
     * @param postedLastMinute when this client's comments of the last {@link #WINDOW} were stored
     * @param duplicates      comments with this body in the same thread (compared as {@link TextRules#comparableBody})
     * @param banned          whether the e-mail or client is banned
     * @throws InvalidCommentException on the first broken rule
     */
    public void refuse(Commenter commenter, Instant now, List<Instant> postedLastMinute, long duplicates, boolean banned) {
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
        if (postedLastMinute.size() >= perMinute) {
            throw new InvalidCommentException("body", "rate-limit",
                    "You have posted " + perMinute + " comments in the last minute; please wait a moment.", slotFreeIn(postedLastMinute, now));
        }
        if (duplicates > 0) {
            throw new InvalidCommentException("body", "duplicate", "This exact comment is already in the discussion.");
        }
    }

    /**
     * How long until the client may post again: until enough of its comments have left the window that it holds one
     * fewer than {@code perMinute} (in whole seconds, at least one).
     */
    private Duration slotFreeIn(List<Instant> posted, Instant now) {
        var oldestFirst = posted.stream().sorted().toList();
        var freeAt = oldestFirst.get(oldestFirst.size() - perMinute).plus(WINDOW);
        var millis = Duration.between(now, freeAt).toMillis();
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }

    /** Whether a comment that passed {@link #refuse} should still wait for a moderator. */
    public boolean holdForModeration(CommentBody body) {
        return body.linkCount() > maxLinks;
    }
}

package org.hearth.comments.render;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.host.DiscussionIds;
import org.hearth.comments.host.TeamMember;

/**
 * Everything a discussion is rendered from, for one reader.
 *
 * @param threadKey   the thread's key
 * @param page        the page of comments shown
 * @param sort        its order
 * @param approved    the thread's approved comments (the heading counts them)
 * @param editable    whether an own comment may still be edited or deleted ({@link CommentService#isEditable})
 * @param editMinutes the edit window, in minutes, as the reader is told
 * @param api         the address of the widget's API ({@code /context/api}, or absolute for another origin's page)
 * @param formToken   the reader's form token
 * @param replyTo     the comment whose reply form is open, or null
 * @param editing     the own comment whose edit form is open, or null
 * @param form        what the reader sent, or {@link FormInput#empty()}
 * @param now         the time relative dates count from
 * @param avatars     where commenters' pictures come from
 * @param feed        the address of the thread's comment feed the host offers, or null for the widget's own
 * @param moderator   the signed-in team member who sees it (with the moderation controls and the pending comments),
 *                    or null for a reader
 */
public record Discussion(String threadKey, CommentService.ThreadPage page, CommentService.Sort sort, long approved,
                         Predicate<Comment> editable, int editMinutes, String api, String formToken,
                         Long replyTo, Long editing, FormInput form, Instant now, Avatars avatars, String feed,
                         TeamMember moderator) {

    /** A discussion for a reader (no moderation controls). */
    public Discussion(String threadKey, CommentService.ThreadPage page, CommentService.Sort sort, long approved,
                      Predicate<Comment> editable, int editMinutes, String api, String formToken,
                      Long replyTo, Long editing, FormInput form, Instant now, Avatars avatars, String feed) {
        this(threadKey, page, sort, approved, editable, editMinutes, api, formToken, replyTo, editing, form, now, avatars, feed, null);
    }

    /** A discussion with pictures drawn from the names ({@link Avatars#INITIALS}). */
    public Discussion(String threadKey, CommentService.ThreadPage page, CommentService.Sort sort, long approved,
                      Predicate<Comment> editable, int editMinutes, String api, String formToken,
                      Long replyTo, Long editing, FormInput form, Instant now) {
        this(threadKey, page, sort, approved, editable, editMinutes, api, formToken, replyTo, editing, form, now, Avatars.INITIALS, null);
    }

    /** This discussion with a link to the thread's comment feed at {@code address} (none for null or blank). */
    public Discussion withFeed(String address) {
        return new Discussion(threadKey, page, sort, approved, editable, editMinutes, api, formToken, replyTo, editing, form, now,
                avatars, address == null || address.isBlank() ? null : address, moderator);
    }

    /** This discussion as the team member {@code member} sees it: with moderation controls on every comment. */
    public Discussion withModerator(TeamMember member) {
        return new Discussion(threadKey, page, sort, approved, editable, editMinutes, api, formToken, replyTo, editing, form, now,
                avatars, feed, member);
    }

    /** Whether a signed-in team member sees it. */
    public boolean moderated() {
        return moderator != null;
    }

    /** The thread's tag in the ids of its discussion ({@link DiscussionIds#tag}). */
    public String tag() {
        return DiscussionIds.tag(threadKey);
    }

    /** The sort as a parameter value. */
    public String sortName() {
        return sort.name().toLowerCase(Locale.ROOT);
    }
}

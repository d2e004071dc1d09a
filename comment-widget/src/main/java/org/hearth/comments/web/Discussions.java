package org.hearth.comments.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.hearth.comments.comment.AuthorEdits;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.host.TeamDirectory;
import org.hearth.comments.host.TeamMember;
import org.hearth.comments.render.Discussion;
import org.hearth.comments.render.FormInput;

/**
 * Reads what a discussion is rendered from ({@link Discussion}), for the Faces tag and the widget's endpoint alike, so
 * both show a reader the same thing. A member of the site's team signed in ({@link TeamDirectory}) sees the comments
 * that await moderation too, and the moderation controls.
 */
@ApplicationScoped
public class Discussions {

    @Inject
    private CommentService comments;

    @Inject
    private AuthorEdits edits;

    @Inject
    private CommentSettings settings;

    @Inject
    private Instance<TeamDirectory> team;

    /**
     * A page of the thread with this key as this reader sees it.
     *
     * @param own       the comments the reader proved to have written
     * @param api       the address of the widget's API as the reader's page reaches it
     * @param formToken the reader's form token
     * @param replyTo   the comment whose reply form is open, or null
     * @param editing   the own comment whose edit form is open, or null
     */
    public Discussion of(String threadKey, int page, CommentService.Sort sort, Set<Long> own, String api, String formToken,
                         Long replyTo, Long editing, FormInput form) {
        var moderator = moderator(threadKey);
        var result = moderator == null ? comments.page(threadKey, Math.max(0, page), sort, own)
                : comments.pageForTeam(threadKey, Math.max(0, page), sort, own);
        long approved = result.thread().map(comments::countApproved).orElse(0L);
        return new Discussion(threadKey, result, sort, approved, edits::isEditable, settings.editMinutes(), api, formToken,
                replyTo, editing, form, Instant.now(), settings.avatars(), null, moderator);
    }

    /** What single parts (a comment, a form) are rendered from, without reading a page of comments. */
    public Discussion part(String threadKey, String api, String formToken, FormInput form) {
        var none = new CommentService.ThreadPage(Optional.empty(), List.of(), 0, false, 0);
        return new Discussion(threadKey, none, CommentService.Sort.OLDEST, 0, edits::isEditable, settings.editMinutes(), api,
                formToken, null, null, form, Instant.now(), settings.avatars(), null, moderator(threadKey));
    }

    /** The team member signed in for this request, who moderates the thread with this key; null for a reader. */
    public TeamMember moderator(String threadKey) {
        return team.isResolvable() ? team.get().signedIn(threadKey).orElse(null) : null;
    }

    /** The sort a parameter names ({@code oldest}, {@code newest}, {@code top}); oldest first for anything else. */
    public static CommentService.Sort sort(String value) {
        if (value != null) {
            for (var sort : CommentService.Sort.values()) {
                if (sort.name().equals(value.toUpperCase(Locale.ROOT))) {
                    return sort;
                }
            }
        }
        return CommentService.Sort.OLDEST;
    }

    /** A page number as a parameter gives it (up to 6 digits); 0 for anything else. */
    public static int page(String value) {
        return value != null && value.matches("\\d{1,6}") ? Integer.parseInt(value) : 0;
    }
}

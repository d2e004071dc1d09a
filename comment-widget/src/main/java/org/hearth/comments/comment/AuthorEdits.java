package org.hearth.comments.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.search.CommentWords;
import org.hearth.comments.thread.ThreadRevisions;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.InvalidCommentException;

/**
 * What authors may do to their own comments while the edit window ({@link CommentSettings#editMinutes()}) lasts:
 * correct or delete them. Authorship is proved by the caller (see {@link org.hearth.comments.security.OwnComments}).
 */
@ApplicationScoped
public class AuthorEdits {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentSettings settings;

    @Inject
    private ThreadRevisions revisions;

    @Inject
    private CommentWords words;

    /**
     * Corrects one's own comment while the edit window lasts.
     *
     * @param ownIds the comments the caller proved to have written
     * @throws InvalidCommentException when it is not theirs, the window has passed, or the body breaks its rule
     */
    @Transactional
    public Comment editOwn(long id, Set<Long> ownIds, String markdown) {
        var comment = requireOwnAndEditable(id, ownIds);
        comment.edit(CommentBody.of(markdown));
        words.replace(comment);
        revisions.touch(comment.getThreadId());
        return comment;
    }

    /** Deletes one's own comment while the edit window lasts (see {@link #editOwn}). */
    @Transactional
    public void deleteOwn(long id, Set<Long> ownIds) {
        var comment = requireOwnAndEditable(id, ownIds);
        comment.moderate(CommentStatus.DELETED);
        revisions.touch(comment.getThreadId());
    }

    /** Whether the author may still edit or delete this comment. */
    public boolean isEditable(Comment comment) {
        return comment.getStatus() != CommentStatus.DELETED && comment.getStatus() != CommentStatus.SPAM
                && Instant.now().isBefore(comment.getCreatedAt().plus(Duration.ofMinutes(settings.editMinutes())));
    }

    private Comment requireOwnAndEditable(long id, Set<Long> ownIds) {
        var comment = em.find(Comment.class, id);
        if (comment == null || !ownIds.contains(id)) {
            throw new InvalidCommentException("id", "not-yours", "Only the author of a comment can change it.");
        }
        if (!isEditable(comment)) {
            throw new InvalidCommentException("id", "too-late",
                    "Comments can be changed for " + settings.editMinutes() + " minutes after posting; this one no longer can.");
        }
        return comment;
    }
}

package org.hearth.comments.comment;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.host.CommentStatus;

/**
 * Whether a thread's page looks different to a reader because of comments they wrote: one of them still waits for
 * moderation (only its author sees it) or may still be edited (its author gets the controls). A host that keeps
 * rendered pages for anonymous readers asks it before rendering a page of their own for a reader who proves comments
 * ({@link org.hearth.comments.security.Visitors#ownIds}): for everyone else, the kept page is right.
 */
@ApplicationScoped
public class AuthorsView {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentThreadService threads;

    @Inject
    private AuthorEdits edits;

    /** Whether any of {@code ownIds} is a comment of this thread that its author sees differently from everyone else. */
    public boolean differs(String threadKey, Set<Long> ownIds) {
        if (ownIds.isEmpty()) {
            return false;
        }
        var thread = threads.find(threadKey);
        if (thread.isEmpty()) {
            return false;
        }
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Comment.class);
        var c = query.from(Comment.class);
        query.where(c.get("id").in(ownIds), cb.equal(c.get("threadId"), thread.get().getId()));
        return em.createQuery(query).getResultStream()
                .anyMatch(comment -> comment.getStatus() == CommentStatus.PENDING || edits.isEditable(comment));
    }
}

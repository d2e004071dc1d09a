package org.hearth.comments.host;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.thread.CommentThreadService;

/** The newest approved comments of a thread, flat, for feeds and digests (never pending, spam or deleted ones). */
@ApplicationScoped
@Transactional
public class RecentComments {

    /**
     * An approved comment as a feed shows it.
     *
     * @param id         the comment's id (its element on the page is {@code comment-{id}})
     * @param authorName the name it was written under, plain text
     * @param createdAt  when it was written
     * @param editedAt   when its author last corrected it, or null
     * @param html       its sanitized, rendered body
     */
    public record PublishedComment(long id, String authorName, Instant createdAt, Instant editedAt, String html) {
    }

    private static final String NEWEST_APPROVED = """
            select c from Comment c
            where c.threadId = :thread and c.status = org.hearth.comments.host.CommentStatus.APPROVED
            order by c.createdAt desc, c.id desc""";

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentThreadService threads;

    /** At most {@code max} approved comments of the thread with this key, newest first (none for an unknown thread). */
    public List<PublishedComment> newestApproved(String threadKey, int max) {
        return threads.find(threadKey)
                .map(thread -> em.createQuery(NEWEST_APPROVED, Comment.class)
                        .setParameter("thread", thread.getId())
                        .setMaxResults(max)
                        .getResultStream()
                        .map(c -> new PublishedComment(c.getId(), c.getAuthorName(), c.getCreatedAt(), c.getEditedAt(), c.getHtml()))
                        .toList())
                .orElse(List.of());
    }
}

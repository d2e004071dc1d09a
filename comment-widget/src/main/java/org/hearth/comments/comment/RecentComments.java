package org.hearth.comments.comment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.host.CommentStatus;

/** The newest approved comments of a thread, flat, for feeds and digests (never pending, spam or deleted ones). */
@ApplicationScoped
@Transactional
public class RecentComments {

    private static final String NEWEST_APPROVED = """
            select c from Comment c
            where c.threadId = :thread and c.status = org.hearth.comments.host.CommentStatus.APPROVED
            order by c.createdAt desc, c.id desc""";

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentThreadService threads;

    /** At most {@code max} approved comments of the thread with this key, newest first (none for an unknown thread). */
    public List<Comment> newestApproved(String threadKey, int max) {
        return threads.find(threadKey)
                .map(thread -> em.createQuery(NEWEST_APPROVED, Comment.class)
                        .setParameter("thread", thread.getId())
                        .setMaxResults(max)
                        .getResultList())
                .orElse(List.of());
    }
}

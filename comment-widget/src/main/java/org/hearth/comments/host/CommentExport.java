package org.hearth.comments.host;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.thread.CommentThread;

/**
 * Reads every thread and comment of the widget, whatever their status, for a host that exports its site (so leaving is
 * as easy as arriving). A thread's comments come in the order they were stored, a parent always before its replies; e-mail addresses are
 * included: an export is for the site's owner.
 *
 * <pre>{@code
 * @Inject CommentExport export;
 * export.threads().forEach(thread -> export.comments(thread.key(), comment -> write(comment)));
 * }</pre>
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CommentExport {

    private static final int PAGE = 500;

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    /** Every thread, in the order they were created. */
    public List<ExportedThread> threads() {
        return em.createQuery("select t from CommentThread t order by t.id", CommentThread.class).getResultStream()
                .map(t -> new ExportedThread(t.getKey(), t.getTitle(), t.getUrl(), t.getCreatedAt())).toList();
    }

    /** Hands each comment of the thread with this key to {@code each} in the order they were stored, a page at a time (flat memory). */
    public void comments(String threadKey, Consumer<ExportedComment> each) {
        var thread = em.createNamedQuery("CommentThread.findByKey", CommentThread.class).setParameter("key", threadKey)
                .getResultStream().findFirst();
        if (thread.isEmpty()) {
            return;
        }
        var after = -1L;
        while (true) {
            var page = em.createQuery("select c from Comment c where c.threadId = :thread and c.id > :after order by c.id", Comment.class)
                    .setParameter("thread", thread.get().getId()).setParameter("after", after).setMaxResults(PAGE).getResultList();
            page.forEach(c -> each.accept(exported(c)));
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().getId();
            em.clear();
        }
    }

    private static ExportedComment exported(Comment c) {
        return new ExportedComment(c.getId(), c.getReplyToId() != null ? c.getReplyToId() : c.getParentId(), c.getStatus(), c.getCreatedAt(),
                c.getAuthorName(), c.getAuthorEmail(), c.getAuthorWebsite(), c.getBadge(), c.getMarkdown(), c.getHtml());
    }
}

package org.hearth.comments.moderation;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.thread.CommentThread;

/**
 * What the team needs to see beside comments in the queue and the inbox, in a few statements for any number of them:
 * the comment each one answers, their threads, and whether each is its writer's first ("first comment — welcome
 * them": nobody with the same e-mail address, or without one the same client, had a comment approved before).
 */
@ApplicationScoped
public class CommentContext {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    /** The comment each of these answers (its parent, or the comment it replies to beside), by the answering comment's id. */
    public Map<Long, Comment> answered(Collection<Comment> comments) {
        var ids = comments.stream().map(CommentContext::answeredId).filter(Objects::nonNull).distinct().toList();
        var found = ids.isEmpty() ? Map.<Long, Comment>of() : em.createQuery("select c from Comment c where c.id in :ids", Comment.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(Comment::getId, Function.identity()));
        var answered = new HashMap<Long, Comment>();
        comments.stream().filter(c -> answeredId(c) != null && found.containsKey(answeredId(c)))
                .forEach(c -> answered.put(c.getId(), found.get(answeredId(c))));
        return answered;
    }

    /** The threads of these comments, by id. */
    public Map<Long, CommentThread> threads(Collection<Comment> comments) {
        var ids = comments.stream().map(Comment::getThreadId).distinct().toList();
        return ids.isEmpty() ? Map.of() : em.createQuery("select t from CommentThread t where t.id in :ids", CommentThread.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(CommentThread::getId, Function.identity()));
    }

    private static Long answeredId(Comment comment) {
        return comment.getReplyToId() != null ? comment.getReplyToId() : comment.getParentId();
    }

    /** The ids of those among these comments that are their writer's first. */
    public Set<Long> firstTime(Collection<Comment> comments) {
        var byEmail = earliestApproved("emailHash", comments.stream().map(Comment::getEmailHash).filter(Objects::nonNull).distinct().toList());
        var byClient = earliestApproved("clientHash", comments.stream().filter(c -> c.getEmailHash() == null)
                .map(Comment::getClientHash).distinct().toList());
        var first = new HashSet<Long>();
        for (var comment : comments) {
            var earliest = comment.getEmailHash() != null ? byEmail.get(comment.getEmailHash()) : byClient.get(comment.getClientHash());
            if (comment.getBadge() == null && (earliest == null || !earliest.isBefore(comment.getCreatedAt()))) {
                first.add(comment.getId());
            }
        }
        return first;
    }

    private Map<String, Instant> earliestApproved(String attribute, List<String> hashes) {
        var earliest = new HashMap<String, Instant>();
        if (hashes.isEmpty()) {
            return earliest;
        }
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Object[].class);
        var c = query.from(Comment.class);
        query.multiselect(c.get(attribute), cb.least(c.<Instant>get("createdAt")))
                .where(c.get(attribute).in(hashes), cb.equal(c.get("status"), org.hearth.comments.host.CommentStatus.APPROVED))
                .groupBy(c.get(attribute));
        em.createQuery(query).getResultList().forEach(row -> earliest.put((String) row[0], (Instant) row[1]));
        return earliest;
    }
}

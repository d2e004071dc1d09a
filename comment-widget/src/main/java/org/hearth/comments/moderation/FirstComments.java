package org.hearth.comments.moderation;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hearth.comments.comment.Comment;

/**
 * Recognises first-time commenters ("first comment — welcome them"): nobody with the same e-mail address (or, without
 * one, the same client) had a comment approved before this one. Two statements for any number of comments.
 */
@ApplicationScoped
public class FirstComments {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    /** The ids of those among these comments that are their writer's first. */
    public Set<Long> among(Collection<Comment> comments) {
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
                .where(c.get(attribute).in(hashes), cb.equal(c.get("status"), org.hearth.comments.comment.CommentStatus.APPROVED))
                .groupBy(c.get(attribute));
        em.createQuery(query).getResultList().forEach(row -> earliest.put((String) row[0], (Instant) row[1]));
        return earliest;
    }
}

package org.hearth.comments.host;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Ban;
import org.hearth.comments.comment.Comment;
import org.hearth.comments.insight.Percentiles;
import org.hearth.comments.moderation.ModerationQueue;
import org.hearth.comments.thread.CommentThread;

/**
 * Commenters as moderators see them: all comments of one person (by e-mail address, else by name among comments
 * without one), when they were first seen, whether first-time moderation trusts them, how fast the team answered them
 * (the median time from a comment to the first approved team reply to it), and the bans in force against their
 * address. Banning and lifting bans stay with {@link ModerationQueue}.
 *
 * <pre>{@code
 * profiles.ofWriterOf(commentId).ifPresent(p -> show(p.name(), p.medianFirstTeamReply(), p.comments()));
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class CommenterProfiles {

    /** How many of a commenter's comments a profile lists, newest first. */
    public static final int COMMENTS_MAX = 200;

    /**
     * One comment of the commenter.
     *
     * @param status         {@code approved}, {@code pending}, {@code spam} or {@code deleted}
     * @param text           its Markdown as typed (plain text to escape, never HTML)
     * @param firstTeamReply how long the team took to answer it, or null while unanswered
     */
    public record Entry(long commentId, String threadTitle, String threadUrl, String status, Instant createdAt, String text,
                        Duration firstTeamReply) {
    }

    /** A ban in force against the commenter's e-mail address. */
    public record ActiveBan(long banId, Instant createdAt, Instant expiresAt, String reason, String bannedBy) {
    }

    /**
     * A commenter.
     *
     * @param withEmail            whether they gave an e-mail address (known by it; the address is never handed out)
     * @param firstSeen            when they wrote their first comment
     * @param total                how many comments they wrote (the list holds at most {@value #COMMENTS_MAX})
     * @param trusted              whether their next comments skip first-time moderation (an approved comment, trust not
     *                             withdrawn)
     * @param medianFirstTeamReply the median of {@link Entry#firstTeamReply()} over their answered comments, or null
     * @param latestCommentId      their newest comment, to ban them by
     */
    public record Profile(String name, boolean withEmail, Instant firstSeen, long total, boolean trusted,
                          Duration medianFirstTeamReply, List<Entry> comments, List<ActiveBan> bans, long latestCommentId) {
    }

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private ModerationQueue queue;

    /** The profile of the person who wrote this comment; empty when there is no such comment. */
    public Optional<Profile> ofWriterOf(long commentId) {
        var comment = em.find(Comment.class, commentId);
        if (comment == null) {
            return Optional.empty();
        }
        var byEmail = comment.getEmailHash() != null;
        var query = em.createQuery(byEmail
                ? "select c from Comment c where c.emailHash = :who order by c.createdAt desc, c.id desc"
                : "select c from Comment c where c.emailHash is null and c.authorName = :who order by c.createdAt desc, c.id desc", Comment.class)
                .setParameter("who", byEmail ? comment.getEmailHash() : comment.getAuthorName());
        var theirs = query.setMaxResults(COMMENTS_MAX).getResultList();
        var summary = em.createQuery(byEmail
                ? "select count(c), min(c.createdAt) from Comment c where c.emailHash = :who"
                : "select count(c), min(c.createdAt) from Comment c where c.emailHash is null and c.authorName = :who", Object[].class)
                .setParameter("who", byEmail ? comment.getEmailHash() : comment.getAuthorName()).getSingleResult();
        var ids = theirs.stream().map(Comment::getId).toList();
        var replies = firstTeamReplies(ids);
        var threads = em.createQuery("select t from CommentThread t where t.id in :ids", CommentThread.class)
                .setParameter("ids", theirs.stream().map(Comment::getThreadId).distinct().toList())
                .getResultStream().collect(Collectors.toMap(CommentThread::getId, Function.identity()));
        var entries = theirs.stream().map(c -> {
            var thread = threads.get(c.getThreadId());
            var reply = replies.get(c.getId());
            return new Entry(c.getId(), thread.getTitle(), thread.getUrl(), c.getStatus().apiName(), c.getCreatedAt(), c.getMarkdown(),
                    reply == null ? null : Duration.between(c.getCreatedAt(), reply));
        }).toList();
        var latest = theirs.getFirst();
        boolean trusted = byEmail && theirs.stream().anyMatch(c -> c.getStatus() == CommentStatus.APPROVED) && !queue.isRevoked(comment.getEmailHash());
        var bans = !byEmail ? List.<ActiveBan>of() : em.createQuery("""
                        select b from Ban b where b.emailHash = :hash and b.liftedAt is null and (b.expiresAt is null or b.expiresAt > :now)
                        order by b.createdAt desc""", Ban.class)
                .setParameter("hash", comment.getEmailHash()).setParameter("now", Instant.now()).getResultStream()
                .map(b -> new ActiveBan(b.getId(), b.getCreatedAt(), b.getExpiresAt(), b.getReason(), b.getBannedBy())).toList();
        return Optional.of(new Profile(latest.getAuthorName(), byEmail, (Instant) summary[1], (Long) summary[0], trusted,
                Percentiles.median(entries.stream().map(Entry::firstTeamReply).filter(Objects::nonNull).toList()), entries, bans, latest.getId()));
    }

    /** When the first approved team reply to each of these comments came (by its parent or the comment it answers). */
    private Map<Long, Instant> firstTeamReplies(List<Long> ids) {
        var first = new HashMap<Long, Instant>();
        for (var link : List.of("parentId", "replyToId")) {
            var cb = em.getCriteriaBuilder();
            var criteria = cb.createQuery(Object[].class);
            var r = criteria.from(Comment.class);
            criteria.multiselect(r.get(link), cb.least(r.<Instant>get("createdAt")))
                    .where(r.get(link).in(ids), cb.isNotNull(r.get("badge")), cb.equal(r.get("status"), CommentStatus.APPROVED))
                    .groupBy(r.get(link));
            em.createQuery(criteria).getResultList().forEach(row -> first.merge((Long) row[0], (Instant) row[1],
                    (a, b) -> a.isBefore(b) ? a : b));
        }
        return first;
    }
}

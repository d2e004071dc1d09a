package org.hearth.comments.comment;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Selection;
import jakarta.transaction.Transactional;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.schema.GetOrCreate;
import org.hearth.comments.team.TeamDirectory;
import org.hearth.comments.team.TeamMember;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.thread.ThreadRevisions;

/**
 * Posts, shows and moderates comments. Every rule of the widget is enforced here, whether a comment arrives through
 * the Faces form or the JSON API: field rules, spam defences, the depth rule, moderation, badges.
 */
@ApplicationScoped
public class CommentService {

    /** How top-level comments are ordered. */
    public enum Sort {
        OLDEST, NEWEST, TOP
    }

    /**
     * One page of a thread.
     *
     * @param thread    the thread, or empty when nobody commented on it yet
     * @param comments  the visible top-level comments of this page, each with its replies
     * @param page      the page number, from 0
     * @param hasMore   whether a next page exists
     * @param topLevel  how many top-level comments the thread shows in all
     */
    public record ThreadPage(Optional<CommentThread> thread, List<CommentNode> comments, int page, boolean hasMore, long topLevel) {
    }

    private static final List<CommentStatus> SHOWN = List.of(CommentStatus.APPROVED, CommentStatus.DELETED);

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentThreadService threads;

    @Inject
    private CommentSettings settings;

    @Inject
    private Instance<TeamDirectory> team;

    @Inject
    private Event<CommentApproved> approved;

    @Inject
    private ThreadRevisions revisions;

    @Inject
    private Writer writer;

    @Inject
    private GetOrCreate getOrCreate;

    /**
     * Stores checked comments in a transaction. The checks run before it, outside any transaction, so that a refused
     * comment (an everyday event) neither starts nor rolls back one.
     */
    @ApplicationScoped
    static class Writer {

        @PersistenceContext(unitName = "hearth-comments")
        private EntityManager em;

        @Inject
        private Event<CommentPosted> posted;

        @Inject
        private ThreadRevisions revisions;

        @Transactional
        public Comment store(Comment comment, String threadKey) {
            em.persist(comment);
            em.flush();
            revisions.touch(comment.getThreadId());
            posted.fire(new CommentPosted(comment.getId(), threadKey, comment.getStatus()));
            return comment;
        }
    }

    /**
     * Stores a comment, or refuses it.
     *
     * @param thread    the thread (registered by the caller)
     * @param input     what was submitted
     * @param commenter who submits, as far as the request tells
     * @return the stored comment, approved or pending
     * @throws InvalidCommentException naming the field and reason when a rule is broken; nothing is stored then
     */
    public Comment post(CommentThread thread, NewComment input, Commenter commenter) {
        return post(thread, input, signedIn(thread.getKey()), commenter);
    }

    /**
     * Stores a comment written by the given team member (or a guest when empty), for host code that has established
     * who that is by itself (a console, a demo seed). Never pass anything a visitor chose.
     *
     * @throws InvalidCommentException naming the field and reason when a rule is broken; nothing is stored then
     */
    public Comment post(CommentThread thread, NewComment input, Optional<TeamMember> member, Commenter commenter) {
        var author = member.map(m -> CommentAuthor.team(m, input.email(), input.website()))
                .orElseGet(() -> CommentAuthor.guest(input.name(), input.email(), input.website()));
        if (member.isEmpty() && isReserved(author.name())) {
            throw new InvalidCommentException("name", "reserved", "This name is reserved for the site's team; please choose another.");
        }
        var body = CommentBody.of(input.body());
        Comment parent = null;
        if (input.parentId() != null) {
            parent = em.find(Comment.class, input.parentId());
            if (parent == null || !parent.getThreadId().equals(thread.getId()) || !isVisible(parent, commenter)) {
                throw new InvalidCommentException("parentId", "unknown-parent", "The comment you answer is not in this discussion.");
            }
        }
        var now = Instant.now();
        var rules = new SpamRules(Duration.ofSeconds(settings.minSeconds()), settings.rateLimit(), settings.maxLinks());
        if (member.isEmpty()) {
            rules.refuse(commenter, now,
                    em.createNamedQuery("Comment.postedByClientSince", Instant.class)
                            .setParameter("client", commenter.clientHash()).setParameter("since", now.minus(SpamRules.WINDOW)).getResultList(),
                    count(em.createNamedQuery("Comment.countDuplicates", Long.class)
                            .setParameter("thread", thread.getId()).setParameter("bodies", body.duplicateHashes()).getSingleResult()),
                    isBanned(Ban.Kind.CLIENT, commenter.clientHash()) || author.emailHash() != null && isBanned(Ban.Kind.EMAIL, author.emailHash()));
        }
        if (member.isEmpty() && commenter.formId() != null) {
            refuseUsedForm(commenter.formId(), now);
        }
        var status = member.isPresent() ? CommentStatus.APPROVED : statusFor(author, body, commenter, rules);
        for (int attempt = 1; ; attempt++) {
            try {
                var comment = new Comment(thread.getId(), parent, settings.maxDepth(), author, body, commenter.clientHash(), status);
                comment.postedWith(commenter.formId());
                return writer.store(comment, thread.getKey());
            } catch (RuntimeException e) {
                // Under many concurrent posts Derby may refuse one insert as transient lock contention (SQLState 40...):
                // a new transaction a moment later succeeds, so the reader never sees a failure for it.
                if (attempt == STORE_ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static final int STORE_ATTEMPTS = 4;

    /** Refuses a form that posted {@value Commenter#COMMENTS_PER_FORM} comments, or its first longer ago than allowed. */
    private void refuseUsedForm(String formId, Instant now) {
        var uses = em.createNamedQuery("Comment.formUses", Object[].class).setParameter("form", formId).getSingleResult();
        if (number(uses[0]) >= Commenter.COMMENTS_PER_FORM
                || uses[1] instanceof Instant first && first.plus(Commenter.FORM_REUSE).isBefore(now)) {
            throw new InvalidCommentException("form", "form-used",
                    "This form has already sent your comment. Please reload the page to write another one.");
        }
    }

    private static boolean isTransient(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Posts to the thread with this key, registering it with this title and URL when it is new (an existing thread keeps
     * its own, see {@link CommentThreadService#findOrRegister}).
     *
     * @throws InvalidCommentException as {@link #post(CommentThread, NewComment, Commenter)}, or naming {@code thread}
     */
    public Comment post(String title, String url, NewComment input, Commenter commenter) {
        CommentThread thread;
        try {
            CommentThread.requireKey(input.threadKey());
            thread = threads.findOrRegister(input.threadKey(), title, url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidCommentException("thread", "invalid", "The thread key, title or URL is not valid: "
                    + (e.getMessage() == null ? "missing" : e.getMessage()));
        }
        return post(thread, input, commenter);
    }

    private CommentStatus statusFor(CommentAuthor author, CommentBody body, Commenter commenter, SpamRules rules) {
        if (rules.holdForModeration(body)) {
            return CommentStatus.PENDING;
        }
        return switch (settings.moderation()) {
            case NONE -> CommentStatus.APPROVED;
            case ALL -> CommentStatus.PENDING;
            case FIRST_TIME -> isTrusted(author, commenter) ? CommentStatus.APPROVED : CommentStatus.PENDING;
        };
    }

    /**
     * Whether first-time moderation publishes this commenter's comment at once. Trust comes from something the commenter
     * holds, never from an address they typed alone. The commenter is trusted when
     * <ul>
     * <li>the request proves authorship (the signed own-comments tokens of the {@code hc_own} cookie or the
     *     {@code X-Hearth-Own} header, see {@link Commenter#ownIds()}) of an approved comment whose e-mail address no
     *     moderator withdrew trust from; or</li>
     * <li>the typed e-mail address is confirmed (its owner opened the link mailed to it, see
     *     {@link org.hearth.comments.notify.AddressConfirmations}) <em>and</em> a comment with it was approved.</li>
     * </ul>
     * A typed address whose trust a moderator withdrew ({@link org.hearth.comments.moderation.TrustRevocation}) is never
     * trusted, whatever the request holds.
     */
    private boolean isTrusted(CommentAuthor author, Commenter commenter) {
        var email = author.emailHash();
        if (email != null && count(em.createNamedQuery("TrustRevocation.count", Long.class)
                .setParameter("hash", email).getSingleResult()) > 0) {
            return false;
        }
        if (!commenter.ownIds().isEmpty() && count(em.createNamedQuery("TrustRevocation.countApprovedUnrevokedAmong", Long.class)
                .setParameter("ids", List.copyOf(commenter.ownIds())).getSingleResult()) > 0) {
            return true;
        }
        return email != null
                && count(em.createNamedQuery("AddressConfirmation.countConfirmed", Long.class).setParameter("hash", email).getSingleResult()) > 0
                && count(em.createNamedQuery("Comment.countApprovedByEmail", Long.class).setParameter("email", email).getSingleResult()) > 0;
    }

    private static boolean isVisible(Comment comment, Commenter commenter) {
        return comment.getStatus() == CommentStatus.APPROVED
                || comment.getStatus() == CommentStatus.PENDING && commenter.ownIds().contains(comment.getId());
    }

    /** Whether a ban in force (neither lifted nor expired) names this fingerprint. */
    private boolean isBanned(Ban.Kind kind, String hash) {
        return count(em.createNamedQuery(kind == Ban.Kind.EMAIL ? "Ban.countActiveByEmail" : "Ban.countActiveByClient", Long.class)
                .setParameter("hash", hash).setParameter("now", Instant.now()).getSingleResult()) > 0;
    }

    private Optional<TeamMember> signedIn(String threadKey) {
        return team.isResolvable() ? team.get().signedIn(threadKey) : Optional.empty();
    }

    /** Whether the name looks like one of the team's ({@link TextRules#looksAlike}). */
    private boolean isReserved(String name) {
        if (!team.isResolvable()) {
            return false;
        }
        var skeleton = TextRules.nameSkeleton(name);
        return team.get().reservedNames().stream().anyMatch(reserved -> TextRules.nameSkeleton(reserved).equals(skeleton));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }

    /**
     * One page of the thread with this key, as the reader sees it. What everyone sees of it is kept in memory under the
     * thread's {@linkplain ThreadRevisions revision} (read first, from the database when it is shared), so it is read
     * again only after the thread changed, on whichever server: then in a constant number of SQL statements whatever
     * the thread's size (the page of top-level comments, their count, all their replies). A reader who proves comments
     * of this thread ({@code ownIds}) also gets those read whole (one more statement): shown while pending, with their
     * Markdown for the edit form.
     * <p>
     * The result is immutable and may be shared between requests: the comments in it are not managed (those the reader
     * owns excepted), never to be changed or stored.
     *
     * @param page   from 0
     * @param ownIds the comments the reader proved to have written (shown to them while pending)
     */
    public ThreadPage page(String threadKey, int page, Sort sort, Set<Long> ownIds) {
        long revision = revisions.of(threadKey).number();
        var found = threads.find(threadKey);
        if (found.isEmpty()) {
            return new ThreadPage(found, List.of(), 0, false, 0);
        }
        var thread = found.get();
        var size = settings.pageSize();
        var first = Math.max(0, page);
        var kept = keptPages.get(new PageKey(thread.getId(), first, sort, size), revision, () -> readPage(thread, first, sort, size));
        var own = ownIds.isEmpty() ? List.<Comment>of() : em.createNamedQuery("Comment.ownInThread", Comment.class)
                .setParameter("thread", thread.getId()).setParameter("own", List.copyOf(ownIds)).getResultList();
        if (own.isEmpty()) {
            return new ThreadPage(found, kept.tree(), first, kept.hasMore(), kept.visibleTopLevel());
        }
        Map<Long, Comment> whole = new HashMap<>();
        own.forEach(c -> whole.put(c.getId(), c));
        var topLevel = new ArrayList<Comment>();
        kept.topLevel().forEach(c -> topLevel.add(whole.getOrDefault(c.getId(), c)));
        var pending = own.stream().filter(c -> c.getParentId() == null && c.getStatus() == CommentStatus.PENDING).toList();
        for (var mine : pending) {
            if ((first == 0 || kept.previous() != null && sortsBefore(kept.previous(), mine, sort))
                    && (kept.next() == null || sortsBefore(mine, kept.next(), sort))) {
                topLevel.add(mine);
            }
        }
        topLevel.sort(comparator(sort));
        var replies = kept.replies().stream().map(c -> whole.getOrDefault(c.getId(), c)).toList();
        return new ThreadPage(found, CommentTree.build(topLevel, replies, ownIds), first, kept.hasMore(),
                kept.visibleTopLevel() + pending.size());
    }

    /** Which page of which thread, in which order, of how many top-level comments a page. */
    private record PageKey(long threadId, int page, Sort sort, int size) {
    }

    /**
     * What everyone sees of one page, as read from the database.
     *
     * @param previous        the last top-level comment of the page before, or null on the first page
     * @param topLevel        the top-level comments of the page (approved or deleted)
     * @param next            the first top-level comment of the next page, or null on the last
     * @param visibleTopLevel how many top-level comments the thread shows everyone
     * @param replies         every reply below the top-level comments, pending ones included (their authors see them)
     * @param tree            what a reader without comments of their own sees
     */
    private record PublicPage(Comment previous, List<Comment> topLevel, Comment next, boolean hasMore, long visibleTopLevel,
                              List<Comment> replies, List<CommentNode> tree) {

        /** About the bytes it holds: mostly the comments' HTML, as Java strings. */
        long weight() {
            return 512L + (topLevel.size() + replies.size()) * 400L
                    + 2L * (topLevel.stream().mapToLong(c -> c.getHtml().length()).sum() + replies.stream().mapToLong(c -> c.getHtml().length()).sum());
        }
    }

    /** The most kept of pages of comments, as estimated by {@link PublicPage#weight()}: about 16 MB. */
    private static final long KEPT_WEIGHT = 16L * 1024 * 1024;

    private final KeptPages<PageKey, PublicPage> keptPages = new KeptPages<>(KEPT_WEIGHT, PublicPage::weight);

    private PublicPage readPage(CommentThread thread, int first, Sort sort, int size) {
        // The comments everyone sees, in index order (the index stops after one page): a condition on the reader's own
        // comments in the same query would make the database sort the whole thread first.
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Object[].class);
        var c = selectListed(query);
        query.where(cb.equal(c.get("threadId"), thread.getId()), cb.isNull(c.get("parentId")), c.get("status").in(SHOWN));
        query.orderBy(order(cb, c, sort));
        // One row more on each side: the last of the previous page and the first of the next tell which of the
        // reader's own pending comments belong on this page, and whether there is a next one.
        int before = first > 0 ? 1 : 0;
        var rows = em.createQuery(query).setFirstResult(first * size - before).setMaxResults(size + 1 + before).getResultList()
                .stream().map(Comment::listed).toList();
        var previous = before == 1 && !rows.isEmpty() ? rows.getFirst() : null;
        var shown = rows.subList(Math.min(before, rows.size()), rows.size());
        boolean hasMore = shown.size() > size;
        var next = hasMore ? shown.get(size) : null;
        var topLevel = List.copyOf(hasMore ? shown.subList(0, size) : shown);
        var total = number(em.createNamedQuery("Comment.countVisibleTopLevel").setParameter(1, thread.getId())
                .setParameter(2, SHOWN.get(0).name()).setParameter(3, SHOWN.get(1).name()).getSingleResult());
        List<Comment> replies = List.of();
        if (!topLevel.isEmpty()) {
            var replyQuery = cb.createQuery(Object[].class);
            var r = selectListed(replyQuery);
            replyQuery.where(r.get("rootId").in(topLevel.stream().map(Comment::getId).toList()),
                    cb.notEqual(r.get("status"), CommentStatus.SPAM));
            replyQuery.orderBy(cb.asc(r.get("createdAt")), cb.asc(r.get("id")));
            replies = em.createQuery(replyQuery).getResultList().stream().map(Comment::listed).toList();
        }
        return new PublicPage(previous, topLevel, next, hasMore, total, replies, CommentTree.build(topLevel, replies, Set.of()));
    }

    /** Makes the query select the comments' attributes a page lists ({@link Comment#LISTED}); answers its root. */
    private static Root<Comment> selectListed(CriteriaQuery<Object[]> query) {
        var c = query.from(Comment.class);
        query.multiselect(Comment.LISTED.stream().<Selection<?>>map(c::get).toList());
        return c;
    }

    private static List<Order> order(jakarta.persistence.criteria.CriteriaBuilder cb, jakarta.persistence.criteria.Root<Comment> c, Sort sort) {
        return switch (sort) {
            case OLDEST -> List.of(cb.asc(c.get("createdAt")), cb.asc(c.get("id")));
            case NEWEST -> List.of(cb.desc(c.get("createdAt")), cb.desc(c.get("id")));
            case TOP -> List.of(cb.desc(c.get("smiles")), cb.asc(c.get("createdAt")), cb.asc(c.get("id")));
        };
    }

    private static Comparator<Comment> comparator(Sort sort) {
        Comparator<Comment> oldest = Comparator.comparing(Comment::getCreatedAt).thenComparing(Comment::getId);
        return switch (sort) {
            case OLDEST -> oldest;
            case NEWEST -> oldest.reversed();
            case TOP -> Comparator.comparingInt(Comment::getSmiles).reversed().thenComparing(oldest);
        };
    }

    private static boolean sortsBefore(Comment a, Comment b, Sort sort) {
        return comparator(sort).compare(a, b) < 0;
    }

    /**
     * The approved comments of each thread key (keys of unknown threads count 0), in the order given. Each count is kept
     * in memory under its thread's {@linkplain ThreadRevisions revision}, so a thread is counted again only after it
     * changed (counting reads every comment of the thread in its index).
     */
    public Map<String, Long> countApproved(List<String> threadKeys) {
        var counts = new LinkedHashMap<String, Long>();
        threadKeys.forEach(k -> counts.put(k, 0L));
        if (!threadKeys.isEmpty()) {
            Map<String, Long> revisionsRead = new HashMap<>();
            counts.keySet().forEach(key -> revisionsRead.put(key, revisions.of(key).number()));
            em.createNamedQuery("CommentThread.idsByKey", Object[].class).setParameter("keys", List.copyOf(new HashSet<>(threadKeys)))
                    .getResultList().forEach(row -> {
                        var key = (String) row[1];
                        long threadId = ((Number) row[0]).longValue();
                        // One short count per thread, each in the thread's index (a grouped count over several threads reads them whole).
                        counts.put(key, keptCounts.get(threadId, revisionsRead.get(key), () -> number(em.createNamedQuery("Comment.countApproved")
                                .setParameter(1, threadId).setParameter(2, CommentStatus.APPROVED.name()).getSingleResult())));
                    });
        }
        return counts;
    }

    /** Approved counts, by thread id: a few bytes each, so the bound is about 100,000 threads. */
    private final KeptPages<Long, Long> keptCounts = new KeptPages<>(100_000, count -> 1);

    /** The comment with this id, whatever its status. */
    public Optional<Comment> find(long id) {
        return Optional.ofNullable(em.find(Comment.class, id));
    }

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

    /** Smiles one network address may give one comment, whatever cookies its browsers send. */
    public static final int SMILES_PER_ADDRESS = 20;

    /**
     * One smile from one browser; a second smile from the same browser changes nothing, nor does one from an address
     * that gave the comment {@value #SMILES_PER_ADDRESS} smiles already.
     *
     * @param browserHash a keyed fingerprint of the browser (see {@link org.hearth.comments.security.Visitors#browserHash})
     * @param addressHash a keyed fingerprint of its network address
     * @return the comment's smiles now
     * @throws InvalidCommentException when no approved comment has this id
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int smile(long id, String browserHash, String addressHash) {
        // Race-free: a double click's second smile, or smiles of several readers at once, never fail.
        return getOrCreate.run(() -> smileOnce(id, browserHash, addressHash));
    }

    private int smileOnce(long id, String browserHash, String addressHash) {
        var comment = em.find(Comment.class, id);
        if (comment == null || comment.getStatus() != CommentStatus.APPROVED) {
            throw new InvalidCommentException("id", "unknown-comment", "There is no such comment to smile at.");
        }
        if (em.find(Smile.class, new Smile.Key(id, browserHash)) == null
                && count(em.createNamedQuery("Smile.countFromAddress", Long.class).setParameter("comment", id)
                        .setParameter("address", addressHash).getSingleResult()) < SMILES_PER_ADDRESS) {
            em.persist(new Smile(id, browserHash, addressHash));
            comment.smile();
            revisions.touch(comment.getThreadId());
        }
        return comment.getSmiles();
    }

    /** Moderation: shows a comment to everyone, and fires {@link CommentApproved}. */
    @Transactional
    public void approve(long id) {
        var comment = require(id);
        if (comment.getStatus() != CommentStatus.APPROVED) {
            comment.moderate(CommentStatus.APPROVED);
            revisions.touch(comment.getThreadId());
            approved.fire(new CommentApproved(id, threadKey(comment)));
        }
    }

    /** Moderation: hides a comment as spam (with anything below it). */
    @Transactional
    public void markSpam(long id) {
        moderate(id, CommentStatus.SPAM);
    }

    /** Moderation: removes a comment; while it has replies a "comment removed" placeholder stands in for it. */
    @Transactional
    public void delete(long id) {
        moderate(id, CommentStatus.DELETED);
    }

    /**
     * Moderation: refuses every later comment from this e-mail address until the ban is lifted (moderators ban with a
     * reason, an expiry and the comment for context through {@link org.hearth.comments.moderation.ModerationQueue#ban}).
     */
    @Transactional
    public void banEmail(String email) {
        var hash = CommentAuthor.emailHash(email);
        if (hash != null && !isBanned(Ban.Kind.EMAIL, hash)) {
            em.persist(new Ban(hash, null, null, "", "", null));
        }
    }

    /**
     * Moderation: refuses later comments from the network address that posted this comment, for
     * {@link Ban#ADDRESS_BAN_DEFAULT} (an address may be shared, or someone else's tomorrow).
     */
    @Transactional
    public void banClientOf(long commentId) {
        var comment = require(commentId);
        if (!isBanned(Ban.Kind.CLIENT, comment.getClientHash())) {
            em.persist(Ban.of(comment, Ban.Scope.ADDRESS, Instant.now().plus(Ban.ADDRESS_BAN_DEFAULT), "", ""));
        }
    }

    private void moderate(long id, CommentStatus status) {
        var comment = require(id);
        comment.moderate(status);
        revisions.touch(comment.getThreadId());
    }

    private String threadKey(Comment comment) {
        return em.find(CommentThread.class, comment.getThreadId()).getKey();
    }

    private Comment require(long id) {
        var comment = em.find(Comment.class, id);
        if (comment == null) {
            throw new IllegalArgumentException("No comment " + id);
        }
        return comment;
    }
}

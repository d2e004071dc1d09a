package org.hearth.comments.comment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hearth.comments.host.Badge;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.Commenter;

/**
 * One comment in a thread. A top-level comment has no parent; a reply sits below its parent, one level deeper, up to
 * the thread's maximum depth: a reply to a comment at that depth attaches beside it (to the same parent, at the same
 * depth) and remembers whom it answers ({@link #getReplyToName()}), so deep conversations stay readable.
 * <p>
 * Every reply also knows its top-level ancestor ({@link #getRootId()}), which lets a page of top-level comments be
 * loaded with all their replies in one statement, whatever the thread's size.
 */
// Counted with COUNT(*) in SQL: JPQL's count(c) counts ids, which are not in the index, so the database would read every
// comment of the thread; these read the index (thread_id, parent_id, status, created_at) alone.
@NamedNativeQuery(name = "Comment.countVisibleTopLevel", query = """
        SELECT COUNT(*) FROM hc_comment WHERE thread_id = ?1 AND parent_id IS NULL AND status IN (?2, ?3)""")
@NamedNativeQuery(name = "Comment.countApproved", query = """
        SELECT COUNT(*) FROM hc_comment WHERE thread_id = ?1 AND status = ?2""")
@Entity
@Table(name = "hc_comment")
@NamedQuery(name = "Comment.newestApproved", query = """
        select c from Comment c where c.threadId = :thread and c.status = org.hearth.comments.host.CommentStatus.APPROVED
        order by c.createdAt desc, c.id desc""")
@NamedQuery(name = "Comment.ownInThread", query = "select c from Comment c where c.threadId = :thread and c.id in :own")
@NamedQuery(name = "Comment.pendingInThread", query = """
        select c from Comment c where c.threadId = :thread and (c.status = org.hearth.comments.host.CommentStatus.PENDING
            or c.status <> org.hearth.comments.host.CommentStatus.SPAM and c.rootId in (select p.id from Comment p
                where p.threadId = :thread and p.parentId is null and p.status = org.hearth.comments.host.CommentStatus.PENDING))""")
@NamedQuery(name = "Comment.postedByClientSince",
        query = "select c.createdAt from Comment c where c.clientHash = :client and c.createdAt > :since")
// One fingerprint per statement: with a list, Derby read every comment of the thread (the list is no key of the index).
@NamedQuery(name = "Comment.countDuplicates",
        query = "select count(c) from Comment c where c.threadId = :thread and c.bodyHash = :body and c.status <> org.hearth.comments.host.CommentStatus.DELETED")
@NamedQuery(name = "Comment.countApprovedByEmail",
        query = "select count(c) from Comment c where c.emailHash = :email and c.status = org.hearth.comments.host.CommentStatus.APPROVED")
@NamedQuery(name = "Comment.formUses",
        query = "select count(c), min(c.createdAt) from Comment c where c.formId = :form")
@NamedQuery(name = "Comment.countChildren",
        query = "select count(c) from Comment c where c.parentId = :parent")
public class Comment {

    public static final int NAME_MAX = 80;
    public static final int EMAIL_MAX = 254;
    public static final int WEBSITE_MAX = 500;
    public static final int BODY_MAX = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @NotNull
    @Column(name = "thread_id", nullable = false, updatable = false)
    private Long threadId;

    @Column(name = "parent_id", updatable = false)
    private Long parentId;

    @Column(name = "root_id", updatable = false)
    private Long rootId;

    @Column(nullable = false, updatable = false)
    private int depth;

    @Column(name = "form_id", length = 16, updatable = false)
    private String formId;

    @Column(name = "reply_to_id", updatable = false)
    private Long replyToId;

    @Size(max = NAME_MAX)
    @Column(name = "reply_to_name", updatable = false, length = NAME_MAX)
    private String replyToName;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CommentStatus status;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(name = "author_name", nullable = false, updatable = false, length = NAME_MAX)
    private String authorName;

    @Size(max = EMAIL_MAX)
    @Column(name = "author_email", updatable = false, length = EMAIL_MAX)
    private String authorEmail;

    @Column(name = "email_hash", updatable = false, length = 64)
    private String emailHash;

    @Size(max = WEBSITE_MAX)
    @Column(name = "author_website", updatable = false, length = WEBSITE_MAX)
    private String authorWebsite;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, updatable = false)
    private Badge badge;

    @NotNull
    @Size(max = BODY_MAX)
    @Lob
    @Column(nullable = false)
    private String markdown;

    @NotNull
    @Lob
    @Column(nullable = false)
    private String html;

    @NotNull
    @Column(name = "body_hash", nullable = false, length = 64)
    private String bodyHash;

    @NotNull
    @Column(name = "client_hash", nullable = false, updatable = false, length = 64)
    private String clientHash;

    @Column(nullable = false)
    private int smiles;

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    protected Comment() {
    }

    /**
     * A new comment, placed by the depth rule.
     *
     * @param parent   the comment answered, or {@code null} for a top-level comment; it must be of the same thread
     * @param maxDepth the deepest level a reply may sit at, at least 1 (top-level comments are at depth 0)
     * @param author   who writes, already checked (see {@link CommentAuthor})
     * @param body     the Markdown and its sanitized HTML
     * @throws IllegalArgumentException when the parent belongs to another thread or the body is blank or too long
     */
    public Comment(long threadId, Comment parent, int maxDepth, CommentAuthor author, CommentBody body, String clientHash,
                   CommentStatus status) {
        this.threadId = threadId;
        if (parent != null) {
            if (parent.threadId != threadId) {
                throw new IllegalArgumentException("The comment answered belongs to another thread");
            }
            this.rootId = parent.rootId == null ? parent.id : parent.rootId;
            if (parent.depth < Math.max(1, maxDepth)) {
                this.parentId = parent.id;
                this.depth = parent.depth + 1;
            } else {
                this.parentId = parent.parentId;
                this.depth = parent.depth;
                this.replyToId = parent.id;
                this.replyToName = parent.authorName;
            }
        }
        this.authorName = author.name();
        this.authorEmail = author.email();
        this.emailHash = author.emailHash();
        this.authorWebsite = author.website();
        this.badge = author.badge();
        setBody(body);
        this.clientHash = Objects.requireNonNull(clientHash, "clientHash");
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Instant.now();
    }

    /**
     * The attributes a page of comments reads, in the order {@link #listed} takes them: what a reader sees, without the
     * Markdown source (only its author's edit form needs it) and the fingerprints (only the rules of posting do).
     */
    static final List<String> LISTED = List.of("id", "threadId", "parentId", "rootId", "depth", "replyToId", "replyToName",
            "status", "authorName", "authorWebsite", "badge", "html", "smiles", "createdAt", "editedAt");

    /**
     * A comment as a page shows it, from a row of the attributes {@link #LISTED}: not managed, never to be stored or
     * changed; {@link #getMarkdown()}, the e-mail address and the fingerprints are null.
     */
    static Comment listed(Object[] row) {
        var c = new Comment();
        c.id = (Long) row[0];
        c.threadId = (Long) row[1];
        c.parentId = (Long) row[2];
        c.rootId = (Long) row[3];
        c.depth = (Integer) row[4];
        c.replyToId = (Long) row[5];
        c.replyToName = (String) row[6];
        c.status = (CommentStatus) row[7];
        c.authorName = (String) row[8];
        c.authorWebsite = (String) row[9];
        c.badge = (Badge) row[10];
        c.html = (String) row[11];
        c.smiles = (Integer) row[12];
        c.createdAt = (Instant) row[13];
        c.editedAt = (Instant) row[14];
        return c;
    }

    private void setBody(CommentBody body) {
        this.markdown = body.markdown();
        this.html = body.html();
        this.bodyHash = body.hash();
    }

    /**
     * Dates the comment as it was written elsewhere (an import, see {@code org.hearth.comments.host.CommentImport}); only before
     * it is stored.
     *
     * @throws IllegalStateException when the comment is stored already
     */
    public void writtenAt(Instant createdAt) {
        if (id != null) {
            throw new IllegalStateException("A stored comment keeps its time");
        }
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Replaces the body with its author's correction. */
    public void edit(CommentBody body) {
        if (status == CommentStatus.DELETED) {
            throw new IllegalStateException("A removed comment cannot be edited");
        }
        setBody(body);
        this.editedAt = Instant.now();
    }

    /** Moves the comment to {@code status}. */
    public void moderate(CommentStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    /** Counts one more smile (the caller makes sure each browser smiles once). */
    public void smile() {
        smiles++;
    }

    /** Records the form this comment was posted with (before it is stored; see {@link Commenter#formId()}). */
    void postedWith(String formId) {
        this.formId = formId;
    }

    public Long getId() {
        return id;
    }

    public Long getThreadId() {
        return threadId;
    }

    /** The comment this one sits under, or {@code null} at the top level. */
    public Long getParentId() {
        return parentId;
    }

    /** The top-level comment this one descends from, or {@code null} for a top-level comment. */
    public Long getRootId() {
        return rootId;
    }

    public int getDepth() {
        return depth;
    }

    /** The comment answered when it was deeper than the maximum depth (this one then sits beside it), else null. */
    public Long getReplyToId() {
        return replyToId;
    }

    public String getReplyToName() {
        return replyToName;
    }

    public CommentStatus getStatus() {
        return status;
    }

    /** The name as typed: plain text, to be escaped wherever it is shown. */
    public String getAuthorName() {
        return authorName;
    }

    /** Never shown to readers; kept for reply notifications. */
    public String getAuthorEmail() {
        return authorEmail;
    }

    public String getEmailHash() {
        return emailHash;
    }

    /** An http or https URL, or null. */
    public String getAuthorWebsite() {
        return authorWebsite;
    }

    public Badge getBadge() {
        return badge;
    }

    public String getMarkdown() {
        return markdown;
    }

    /** The sanitized HTML of the body, safe to insert into a page. */
    public String getHtml() {
        return html;
    }

    public String getClientHash() {
        return clientHash;
    }

    public int getSmiles() {
        return smiles;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Comment that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Comment.class.hashCode();
    }
}

package org.hearth.comments.comment;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hearth.comments.host.BanScope;
import org.hearth.comments.host.Commenter;

/**
 * A moderator's ban: new comments from its e-mail address, its network address or both ({@link BanScope}) are refused
 * until it expires or a moderator lifts it. Both addresses are kept as fingerprints only (the e-mail's as
 * {@link CommentAuthor#emailHash}, the client's as {@link Commenter#clientHash}); the banned comment's author name and
 * an excerpt of it tell moderators later whom the ban was about.
 * <p>
 * A network address may be shared (a household, an office, a mobile carrier) or handed to someone else tomorrow, so a
 * ban that covers one expires after {@link BanScope#ADDRESS_BAN_DEFAULT} unless the moderator chooses otherwise; a ban of an
 * e-mail address alone has no expiry unless one is chosen (see {@link BanScope#defaultExpiry}).
 */
@Entity
@Table(name = "hc_ban")
@NamedQuery(name = "Ban.countActiveByEmail", query = """
        select count(b) from Ban b where b.emailHash = :hash and b.liftedAt is null and (b.expiresAt is null or b.expiresAt > :now)""")
@NamedQuery(name = "Ban.countActiveByClient", query = """
        select count(b) from Ban b where b.clientHash = :hash and b.liftedAt is null and (b.expiresAt is null or b.expiresAt > :now)""")
@NamedQuery(name = "Ban.active", query = """
        select b from Ban b where b.liftedAt is null and (b.expiresAt is null or b.expiresAt > :now) order by b.createdAt desc, b.id desc""")
@NamedQuery(name = "Ban.ended", query = """
        select b from Ban b where b.liftedAt is not null or b.expiresAt <= :now order by b.createdAt desc, b.id desc""")
public class Ban {

    public static final int REASON_MAX = 500;
    public static final int MODERATOR_MAX = 80;
    public static final int EXCERPT_MAX = 200;

    /** What a ban check looks for: a comment's e-mail fingerprint, or its client's. */
    public enum Kind {
        EMAIL, CLIENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "email_hash", updatable = false, length = 64)
    private String emailHash;

    @Column(name = "client_hash", updatable = false, length = 64)
    private String clientHash;

    @Column(nullable = false, updatable = false, length = REASON_MAX)
    private String reason;

    @Column(name = "banned_by", nullable = false, updatable = false, length = MODERATOR_MAX)
    private String bannedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "comment_id", updatable = false)
    private Long commentId;

    @Column(name = "author_name", updatable = false, length = Comment.NAME_MAX)
    private String authorName;

    @Column(updatable = false, length = EXCERPT_MAX)
    private String excerpt;

    @Column(name = "lifted_at")
    private Instant liftedAt;

    @Column(name = "lifted_by", length = MODERATOR_MAX)
    private String liftedBy;

    protected Ban() {
    }

    /**
     * A ban of these fingerprints (at least one), from now until {@code expiresAt} (null: until lifted).
     *
     * @param context the banned comment, for the record (null when the ban names an address only)
     * @throws IllegalArgumentException when both fingerprints are missing, the reason is longer than
     *                                  {@value #REASON_MAX} characters, or the expiry is not in the future
     */
    public Ban(String emailHash, String clientHash, Instant expiresAt, String reason, String bannedBy, Comment context) {
        if (emailHash == null && clientHash == null) {
            throw new IllegalArgumentException("A ban names an e-mail address, a network address or both");
        }
        var text = reason == null ? "" : reason.strip();
        if (text.length() > REASON_MAX) {
            throw new IllegalArgumentException("A reason can be at most " + REASON_MAX + " characters long");
        }
        this.createdAt = Instant.now();
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("A ban expires in the future");
        }
        this.emailHash = emailHash;
        this.clientHash = clientHash;
        this.expiresAt = expiresAt;
        this.reason = text;
        this.bannedBy = cut(Objects.requireNonNull(bannedBy, "bannedBy").strip(), MODERATOR_MAX);
        if (context != null) {
            this.commentId = context.getId();
            this.authorName = context.getAuthorName();
            this.excerpt = excerpt(context.getMarkdown());
        }
    }

    /**
     * The ban of what {@code scope} names of this comment's writer: its e-mail address (when it has one) and/or the
     * network address it came from.
     *
     * @throws IllegalArgumentException when the scope is {@link BanScope#EMAIL} and the comment has no e-mail address,
     *                                  or as {@link #Ban(String, String, Instant, String, String, Comment)}
     */
    public static Ban of(Comment comment, BanScope scope, Instant expiresAt, String reason, String bannedBy) {
        var email = scope.coversEmail() ? comment.getEmailHash() : null;
        if (scope == BanScope.EMAIL && email == null) {
            throw new IllegalArgumentException("Comment " + comment.getId() + " has no e-mail address to ban");
        }
        return new Ban(email, scope.coversAddress() ? comment.getClientHash() : null, expiresAt, reason, bannedBy, comment);
    }

    /** The first words of a comment, on one line, for a moderator to recognise it by. */
    static String excerpt(String markdown) {
        var text = markdown == null ? "" : markdown.replaceAll("\\s+", " ").strip();
        return text.length() <= EXCERPT_MAX ? text : text.substring(0, EXCERPT_MAX - 1).stripTrailing() + "…";
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** Whether it refuses comments at {@code now}: neither lifted nor expired. */
    public boolean isActive(Instant now) {
        return liftedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Ends the ban now (once; lifting a lifted ban changes nothing). */
    public void lift(String moderator) {
        if (liftedAt == null) {
            liftedAt = Instant.now();
            liftedBy = cut(Objects.requireNonNull(moderator, "moderator").strip(), MODERATOR_MAX);
        }
    }

    /** What the ban covers. */
    public BanScope getScope() {
        return emailHash == null ? BanScope.ADDRESS : clientHash == null ? BanScope.EMAIL : BanScope.BOTH;
    }

    public Long getId() {
        return id;
    }

    public String getReason() {
        return reason;
    }

    public String getBannedBy() {
        return bannedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When the ban ends by itself, or null when it lasts until lifted. */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** The banned comment, or null for a ban made without one (or before bans kept it). */
    public Long getCommentId() {
        return commentId;
    }

    /** The name the banned comment was signed with, or null (see {@link #getCommentId()}). */
    public String getAuthorName() {
        return authorName;
    }

    /** The first words of the banned comment, or null (see {@link #getCommentId()}). */
    public String getExcerpt() {
        return excerpt;
    }

    public Instant getLiftedAt() {
        return liftedAt;
    }

    public String getLiftedBy() {
        return liftedBy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ban ban && id != null && id.equals(ban.id);
    }

    @Override
    public int hashCode() {
        return Ban.class.hashCode();
    }
}

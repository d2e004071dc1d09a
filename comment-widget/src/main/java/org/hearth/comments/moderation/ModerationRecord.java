package org.hearth.comments.moderation;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hearth.comments.host.ModerationAction;

/** One moderation decision, kept for the record: who did what to which comment, when, and why. */
@Entity
@Table(name = "hc_moderation_log")
@NamedQuery(name = "ModerationRecord.ofComments",
        query = "select r from ModerationRecord r where r.commentId in :ids order by r.createdAt, r.id")
public class ModerationRecord {

    public static final int REASON_MAX = ModerationAction.REASON_MAX;
    public static final int MODERATOR_MAX = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "comment_id", nullable = false, updatable = false)
    private long commentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private ModerationAction action;

    @Column(nullable = false, updatable = false, length = REASON_MAX)
    private String reason;

    @Column(nullable = false, updatable = false, length = MODERATOR_MAX)
    private String moderator;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ModerationRecord() {
    }

    /** @throws IllegalArgumentException when the reason is longer than {@value #REASON_MAX} characters */
    public ModerationRecord(long commentId, ModerationAction action, String reason, String moderator) {
        var text = reason == null ? "" : reason.strip();
        if (text.length() > REASON_MAX) {
            throw new IllegalArgumentException("A reason can be at most " + REASON_MAX + " characters long");
        }
        this.commentId = commentId;
        this.action = Objects.requireNonNull(action, "action");
        this.reason = text;
        var who = Objects.requireNonNull(moderator, "moderator").strip();
        this.moderator = who.length() > MODERATOR_MAX ? who.substring(0, MODERATOR_MAX) : who;
        this.createdAt = Instant.now();
    }

    public long getCommentId() {
        return commentId;
    }

    public ModerationAction getAction() {
        return action;
    }

    public String getReason() {
        return reason;
    }

    public String getModerator() {
        return moderator;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

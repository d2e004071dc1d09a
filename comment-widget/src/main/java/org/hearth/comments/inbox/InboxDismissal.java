package org.hearth.comments.inbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reader's comment the team decided needs no reply: it leaves the inbox. */
@Entity
@Table(name = "hc_inbox_dismissal")
public class InboxDismissal {

    @Id
    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "dismissed_by", nullable = false, length = 80)
    private String dismissedBy;

    @Column(name = "dismissed_at", nullable = false)
    private Instant dismissedAt;

    protected InboxDismissal() {
    }

    public InboxDismissal(long commentId, String dismissedBy) {
        this.commentId = commentId;
        this.dismissedBy = dismissedBy.length() > 80 ? dismissedBy.substring(0, 80) : dismissedBy;
        this.dismissedAt = Instant.now();
    }
}

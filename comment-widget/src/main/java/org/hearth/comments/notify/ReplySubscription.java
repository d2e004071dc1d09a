package org.hearth.comments.notify;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A commenter's wish to get one e-mail per approved reply to their comment, until they unsubscribe. */
@Entity
@Table(name = "hc_reply_subscription")
public class ReplySubscription {

    @Id
    @Column(name = "comment_id")
    private Long commentId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    @Column(name = "site_url", nullable = false, updatable = false, length = 2000)
    private String siteUrl;

    protected ReplySubscription() {
    }

    /** @param siteUrl the address of the web application serving the widget, for the unsubscribe link */
    public ReplySubscription(long commentId, String siteUrl) {
        this.commentId = commentId;
        this.siteUrl = siteUrl;
        this.createdAt = Instant.now();
    }

    public boolean isActive() {
        return unsubscribedAt == null;
    }

    public void unsubscribe() {
        if (unsubscribedAt == null) {
            unsubscribedAt = Instant.now();
        }
    }

    public String getSiteUrl() {
        return siteUrl;
    }

    public Long getCommentId() {
        return commentId;
    }
}

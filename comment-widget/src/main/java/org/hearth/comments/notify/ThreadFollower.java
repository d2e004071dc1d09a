package org.hearth.comments.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A reader who asked to follow a whole discussion by e-mail: pending until the owner of the address confirms through
 * the link mailed to it, then sent one e-mail per new approved comment. See {@link ThreadFollowers}.
 */
@Entity
@Table(name = "hc_thread_follower")
@NamedQuery(name = "ThreadFollower.find",
        query = "select f from ThreadFollower f where f.threadId = :thread and f.emailHash = :hash")
@NamedQuery(name = "ThreadFollower.confirmed",
        query = "select f from ThreadFollower f where f.threadId = :thread and f.confirmedAt is not null order by f.id")
@NamedQuery(name = "ThreadFollower.countRecentByClient",
        query = "select count(f) from ThreadFollower f where f.clientHash = :client and f.requestedAt > :since")
@NamedQuery(name = "ThreadFollower.countRecentByAddress",
        query = "select count(f) from ThreadFollower f where f.emailHash = :hash and f.requestedAt > :since")
@NamedQuery(name = "ThreadFollower.deleteStalePending",
        query = "delete from ThreadFollower f where f.confirmedAt is null and f.requestedAt < :before")
public class ThreadFollower {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "thread_id", nullable = false, updatable = false)
    private long threadId;

    @Column(nullable = false, updatable = false, length = 254)
    private String email;

    @Column(name = "email_hash", nullable = false, updatable = false, length = 64)
    private String emailHash;

    @Column(name = "client_hash", nullable = false, length = 64)
    private String clientHash;

    @Column(name = "site_url", nullable = false, length = 2000)
    private String siteUrl;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected ThreadFollower() {
    }

    /** A pending request to follow the thread {@code threadId} with a checked address and its fingerprint. */
    public ThreadFollower(long threadId, String email, String emailHash, String clientHash, String siteUrl) {
        this.threadId = threadId;
        this.email = Objects.requireNonNull(email);
        this.emailHash = Objects.requireNonNull(emailHash);
        this.clientHash = Objects.requireNonNull(clientHash);
        this.siteUrl = Objects.requireNonNull(siteUrl);
        this.requestedAt = Instant.now();
    }

    /** Whether another confirmation e-mail may go out: pending, and the last one is older than {@code interval}. */
    public boolean mayRequestAgain(Duration interval) {
        return confirmedAt == null && requestedAt.plus(interval).isBefore(Instant.now());
    }

    /** A new confirmation e-mail goes out for this request. */
    public void requestedAgain(String clientHash) {
        this.clientHash = Objects.requireNonNull(clientHash);
        this.requestedAt = Instant.now();
    }

    public void confirm() {
        if (confirmedAt == null) {
            confirmedAt = Instant.now();
        }
    }

    public Long getId() {
        return id;
    }

    public long getThreadId() {
        return threadId;
    }

    public String getEmail() {
        return email;
    }

    public String getEmailHash() {
        return emailHash;
    }

    public String getSiteUrl() {
        return siteUrl;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ThreadFollower f && id != null && id.equals(f.id);
    }

    @Override
    public int hashCode() {
        return ThreadFollower.class.hashCode();
    }
}

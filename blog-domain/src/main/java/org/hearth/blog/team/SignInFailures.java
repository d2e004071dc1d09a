package org.hearth.blog.team;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The failed sign-ins in a row from one network address, either as one account or as any account (then
 * {@code accountKey} is null), and so how long the next attempt from there waits ({@link FailureDelays}). Only
 * SHA-256 fingerprints of the username and address are kept (a username field may hold a mistyped password). Failures
 * are forgotten a {@linkplain #MEMORY day} after the last one.
 */
@Entity
@Table(name = "blog_sign_in_failures")
@NamedQuery(name = "SignInFailures.ofAccount", query = "select f from SignInFailures f where f.accountKey = :account")
@NamedQuery(name = "SignInFailures.delete", query = "delete from SignInFailures f where f.throttleKey = :key")
@NamedQuery(name = "SignInFailures.deleteOfAccount", query = "delete from SignInFailures f where f.accountKey = :account")
@NamedQuery(name = "SignInFailures.deleteBefore", query = "delete from SignInFailures f where f.lastFailureAt < :before")
class SignInFailures {

    /** How long failures count after the last one. */
    static final Duration MEMORY = Duration.ofDays(1);

    @Id
    @Column(name = "throttle_key", length = 64)
    private String throttleKey;

    @Column(name = "account_key", length = 64, updatable = false)
    private String accountKey;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    protected SignInFailures() {
    }

    /** No failures yet from this place; {@code accountKey} null for the failures as any account. */
    SignInFailures(String key, String accountKey, Instant now) {
        this.throttleKey = Objects.requireNonNull(key, "key");
        this.accountKey = accountKey;
        this.lastFailureAt = Objects.requireNonNull(now, "now");
    }

    /** Counts a failure (after forgetting the earlier ones if they are older than {@link #MEMORY}). */
    void failed(Instant now) {
        failures = failuresAt(now) + 1;
        lastFailureAt = now;
    }

    /** The failures that still count at {@code now}. */
    int failuresAt(Instant now) {
        return now.isBefore(lastFailureAt.plus(MEMORY)) ? failures : 0;
    }

    /** How long an attempt made at {@code now} must still wait (zero: it may be checked). */
    Duration waitAt(Instant now) {
        var end = lastFailureAt.plus(delays().after(failuresAt(now)));
        return now.isBefore(end) ? Duration.between(now, end) : Duration.ZERO;
    }

    private FailureDelays delays() {
        return accountKey == null ? FailureDelays.PER_ADDRESS : FailureDelays.PER_ACCOUNT_AND_ADDRESS;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SignInFailures that && throttleKey.equals(that.throttleKey);
    }

    @Override
    public int hashCode() {
        return throttleKey.hashCode();
    }
}

package org.hearth.blog.team;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A one-time link an admin gives a member to choose a new password themselves. Only the SHA-256 fingerprint of its
 * token is kept; it works once, for {@link #VALIDITY}, and a member has at most one (a new link, a new password or a
 * removal ends it).
 */
@Entity
@Table(name = "blog_password_reset")
@NamedQuery(name = "PasswordReset.deleteOfUser", query = "delete from PasswordReset r where r.userId = :user")
class PasswordReset {

    static final Duration VALIDITY = Duration.ofHours(24);

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PasswordReset() {
    }

    PasswordReset(String tokenHash, long userId, Instant now) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.expiresAt = now.plus(VALIDITY);
    }

    long getUserId() {
        return userId;
    }

    boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

package org.hearth.blog.team;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The fingerprint of the one-time token that creates the first admin; there is at most one, and none once a team exists. */
@Entity
@Table(name = "blog_setup_token")
class SetupToken {

    static final int ONLY = 1;

    @Id
    private Integer id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SetupToken() {
    }

    SetupToken(String tokenHash) {
        this.id = ONLY;
        this.tokenHash = tokenHash;
        this.createdAt = Instant.now();
    }

    String getTokenHash() {
        return tokenHash;
    }
}

package org.hearth.comments.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The widget's signing secret, kept in the database so that every server instance behind a load balancer signs and
 * verifies the same tokens. Created once, on first use.
 */
@Entity
@Table(name = "hc_signing_key")
public class SigningKey {

    /** The id of the one key in use. */
    public static final int CURRENT = 1;

    @Id
    private Integer id;

    @Column(nullable = false, updatable = false, length = 100)
    private String secret;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SigningKey() {
    }

    public SigningKey(String secret) {
        this.id = CURRENT;
        this.secret = secret;
        this.createdAt = Instant.now();
    }

    /** The secret, Base64. */
    public String getSecret() {
        return secret;
    }
}

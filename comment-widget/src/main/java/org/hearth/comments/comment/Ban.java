package org.hearth.comments.comment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A commenter moderators refused: by the fingerprint of their e-mail address, or of their client. */
@Entity
@Table(name = "hc_ban")
@NamedQuery(name = "Ban.count", query = "select count(b) from Ban b where b.kind = :kind and b.valueHash = :hash")
public class Ban {

    /** What a ban matches. */
    public enum Kind {
        EMAIL, CLIENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Kind kind;

    @Column(name = "value_hash", nullable = false, updatable = false, length = 64)
    private String valueHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Ban() {
    }

    public Ban(Kind kind, String valueHash) {
        this.kind = kind;
        this.valueHash = valueHash;
        this.createdAt = Instant.now();
    }
}

package org.hearth.comments.comment;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One browser's smile at one comment: each browser smiles at a comment at most once. */
@Entity
@Table(name = "hc_smile")
@IdClass(Smile.Key.class)
public class Smile {

    /** The identity of a smile: the comment and the browser's fingerprint. */
    public record Key(Long commentId, String clientHash) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "comment_id", nullable = false, updatable = false)
    private Long commentId;

    @Id
    @Column(name = "client_hash", nullable = false, updatable = false, length = 64)
    private String clientHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Smile() {
    }

    public Smile(long commentId, String clientHash) {
        this.commentId = commentId;
        this.clientHash = clientHash;
        this.createdAt = Instant.now();
    }
}

package org.hearth.comments.comment;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One browser's smile at one comment: each browser smiles at a comment at most once. The network address it came from
 * is kept too, so that one address cannot smile at a comment without end by dropping its cookies.
 */
@Entity
@Table(name = "hc_smile")
@IdClass(Smile.Key.class)
@NamedQuery(name = "Smile.countFromAddress",
        query = "select count(s) from Smile s where s.commentId = :comment and s.addressHash = :address")
public class Smile {

    /** The identity of a smile: the comment and the browser's fingerprint. */
    public record Key(Long commentId, String browserHash) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "comment_id", nullable = false, updatable = false)
    private Long commentId;

    @Id
    @Column(name = "client_hash", nullable = false, updatable = false, length = 64)
    private String browserHash;

    @Column(name = "address_hash", updatable = false, length = 64)
    private String addressHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Smile() {
    }

    public Smile(long commentId, String browserHash, String addressHash) {
        this.commentId = commentId;
        this.browserHash = browserHash;
        this.addressHash = addressHash;
        this.createdAt = Instant.now();
    }
}

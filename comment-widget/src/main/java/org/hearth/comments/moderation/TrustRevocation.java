package org.hearth.comments.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A commenter whose trust a moderator withdrew: in first-time moderation, their comments wait for moderation again even
 * though earlier ones were approved, whether they type the address (confirmed or not) or prove with their own-comments
 * token that they wrote an approved comment with it. Keyed by the fingerprint of their e-mail address.
 */
@Entity
@Table(name = "hc_trust_revocation")
@NamedQuery(name = "TrustRevocation.count", query = "select count(r) from TrustRevocation r where r.emailHash = :hash")
@NamedQuery(name = "TrustRevocation.all", query = "select r.emailHash from TrustRevocation r")
// The approved comments among these (a commenter's own, proved by their tokens) that still earn trust: those written
// without an e-mail address, or with one whose trust no moderator withdrew.
@NamedQuery(name = "TrustRevocation.countApprovedUnrevokedAmong", query = """
        select count(c) from Comment c where c.id in :ids and c.status = org.hearth.comments.host.CommentStatus.APPROVED
        and (c.emailHash is null or not exists (select r from TrustRevocation r where r.emailHash = c.emailHash))""")
public class TrustRevocation {

    @Id
    @Column(name = "email_hash", length = 64)
    private String emailHash;

    @Column(name = "revoked_by", nullable = false, length = 80)
    private String revokedBy;

    @Column(name = "revoked_at", nullable = false)
    private Instant revokedAt;

    protected TrustRevocation() {
    }

    public TrustRevocation(String emailHash, String revokedBy) {
        this.emailHash = emailHash;
        this.revokedBy = revokedBy.length() > 80 ? revokedBy.substring(0, 80) : revokedBy;
        this.revokedAt = Instant.now();
    }
}

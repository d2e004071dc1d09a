package org.hearth.comments.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An e-mail address the widget asked its owner to confirm, and whether they did: kept by the address's fingerprint
 * ({@link org.hearth.comments.comment.CommentAuthor#emailHash}), never in clear. See {@link AddressConfirmations}.
 */
@Entity
@Table(name = "hc_address_confirmation")
@NamedQuery(name = "AddressConfirmation.countConfirmed",
        query = "select count(a) from AddressConfirmation a where a.emailHash = :hash and a.confirmedAt is not null")
public class AddressConfirmation {

    @Id
    @Column(name = "email_hash", length = 64)
    private String emailHash;

    @Version
    private long version;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    protected AddressConfirmation() {
    }

    /** An address a confirmation e-mail is sent to now. */
    public AddressConfirmation(String emailHash) {
        this.emailHash = Objects.requireNonNull(emailHash, "emailHash");
        this.requestedAt = Instant.now();
    }

    /** Whether another confirmation e-mail may go to this address now: never once confirmed, else one per {@code interval}. */
    boolean mayRequestAgain(Duration interval) {
        return confirmedAt == null && !Instant.now().isBefore(requestedAt.plus(interval));
    }

    /** Another confirmation e-mail is sent now. */
    void requestedAgain() {
        requestedAt = Instant.now();
    }

    /** The owner opened the link (once counts; later clicks change nothing). */
    void confirm() {
        if (confirmedAt == null) {
            confirmedAt = Instant.now();
        }
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public String getEmailHash() {
        return emailHash;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }
}

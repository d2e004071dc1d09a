package org.hearth.comments.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hearth.comments.host.MailStatus;

/**
 * One e-mail in the outbox, which is also the delivery log: queued, then sent, or retried with growing pauses until it
 * is given up after {@value #MAX_ATTEMPTS} failed attempts. The dedupe key makes sure one happening sends one e-mail.
 */
@Entity
@Table(name = "hc_mail")
@NamedQuery(name = "Mail.due", query = "select m from Mail m where m.status = :queued and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
@NamedQuery(name = "Mail.recent", query = "select m from Mail m order by m.createdAt desc, m.id desc")
@NamedQuery(name = "Mail.countByKey", query = "select count(m) from Mail m where m.dedupeKey = :key")
public class Mail {

    public static final int MAX_ATTEMPTS = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "dedupe_key", nullable = false, unique = true, updatable = false, length = 100)
    private String dedupeKey;

    @Column(nullable = false, updatable = false, length = 254)
    private String recipient;

    @Column(nullable = false, updatable = false, length = 300)
    private String subject;

    @Lob
    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "unsubscribe_url", updatable = false, length = 2000)
    private String unsubscribeUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MailStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected Mail() {
    }

    public Mail(String dedupeKey, String recipient, String subject, String body, String unsubscribeUrl) {
        this.dedupeKey = Objects.requireNonNull(dedupeKey);
        this.recipient = Objects.requireNonNull(recipient);
        this.subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
        this.body = Objects.requireNonNull(body);
        this.unsubscribeUrl = unsubscribeUrl;
        this.status = MailStatus.QUEUED;
        this.createdAt = Instant.now();
        this.nextAttemptAt = createdAt;
    }

    public void sent() {
        attempts++;
        status = MailStatus.SENT;
        sentAt = Instant.now();
        lastError = null;
    }

    /** A failed attempt: tried again after {@code pause} doubled per earlier attempt, or given up. */
    public void failed(String error, Duration pause) {
        attempts++;
        lastError = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (attempts >= MAX_ATTEMPTS) {
            status = MailStatus.FAILED;
        } else {
            nextAttemptAt = Instant.now().plus(pause.multipliedBy(1L << Math.min(attempts - 1, 10)));
        }
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getUnsubscribeUrl() {
        return unsubscribeUrl;
    }

    public MailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}

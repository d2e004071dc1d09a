package org.hearth.comments.host;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.notify.Mail;
import org.hearth.comments.notify.MailOutbox;

/**
 * The widget's outgoing e-mail as a host uses it: a host queues e-mails of its own through the widget's outbox (sent
 * with the same retries, through the application's mail session), and shows the delivery log.
 */
@ApplicationScoped
public class WidgetMail {

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private MailOutbox outbox;

    /**
     * Queues an e-mail (e.g. to tell a post's author about a pending comment), in a transaction of its own; a second
     * e-mail with the same key is ignored.
     *
     * @param dedupeKey at most 100 characters naming the happening, e.g. {@code pending:42}
     */
    public void queue(String dedupeKey, String recipient, String subject, String body) {
        outbox.queue(dedupeKey, recipient, subject, body);
    }

    /** The latest {@code max} e-mails, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MailRecord> recent(int max) {
        return em.createNamedQuery("Mail.recent", Mail.class).setMaxResults(max).getResultStream()
                .map(m -> new MailRecord(m.getCreatedAt(), m.getRecipient(), m.getSubject(), m.getStatus(), m.getAttempts(), m.getLastError()))
                .toList();
    }
}

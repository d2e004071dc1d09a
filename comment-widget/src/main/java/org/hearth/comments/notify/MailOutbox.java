package org.hearth.comments.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.host.MailStatus;

/**
 * Delivers queued e-mails through the server's {@code jakarta.mail.Session} (JNDI {@code mail/hearth} unless
 * {@value CommentSettings#MAIL_SESSION} names another), when {@link MailSchedule} says so. A failed delivery is tried again after a pause that doubles each time, up to
 * {@value Mail#MAX_ATTEMPTS} attempts; every attempt is recorded on the {@link Mail}, which is the delivery log.
 */
@ApplicationScoped
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
    private static final int BATCH = 20;

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentSettings settings;

    @Inject
    private MailOutbox self;

    /**
     * Queues an e-mail for the host (e.g. to tell a post's author about a pending comment), in a transaction of its
     * own; a second e-mail with the same key is ignored.
     *
     * @param dedupeKey at most 100 characters naming the happening, e.g. {@code pending:42}
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void queue(String dedupeKey, String recipient, String subject, String body) {
        if (em.createNamedQuery("Mail.countByKey", Long.class).setParameter("key", dedupeKey).getSingleResult() == 0) {
            em.persist(new Mail(dedupeKey, recipient, subject, body, null));
        }
    }

    /** Delivers what is due now; returns how many e-mails were sent. */
    public int deliverDue() {
        int sent = 0;
        for (var id : self.dueIds()) {
            if (self.deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    @Transactional
    public List<Long> dueIds() {
        return em.createNamedQuery("Mail.due", Mail.class)
                .setParameter("queued", MailStatus.QUEUED)
                .setParameter("now", Instant.now())
                .setMaxResults(BATCH)
                .getResultStream().map(Mail::getId).toList();
    }

    /** One attempt at one e-mail, recorded whatever happens. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean deliver(long mailId) {
        var mail = em.find(Mail.class, mailId);
        if (mail == null || mail.getStatus() != MailStatus.QUEUED) {
            return false;
        }
        try {
            Transport.send(message(mail));
            mail.sent();
            return true;
        } catch (MessagingException | NamingException | RuntimeException e) {
            mail.failed(describe(e), Duration.ofSeconds(settings.mailRetrySeconds()));
            LOG.log(Level.INFO, () -> "E-mail " + mailId + " not delivered (attempt " + mail.getAttempts() + "): " + describe(e));
            return false;
        }
    }

    private MimeMessage message(Mail mail) throws MessagingException, NamingException {
        var message = new MimeMessage(session());
        message.setFrom();
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getRecipient()));
        message.setSubject(mail.getSubject(), "UTF-8");
        message.setText(mail.getBody(), "UTF-8");
        if (mail.getUnsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.getUnsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setSentDate(new java.util.Date());
        return message;
    }

    private Session session() throws NamingException {
        return InitialContext.doLookup(settings.mailSession());
    }

    private static String describe(Exception e) {
        var text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        for (var cause = e.getCause(); cause != null && text.length() < 800; cause = cause.getCause()) {
            text.append(" / ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}

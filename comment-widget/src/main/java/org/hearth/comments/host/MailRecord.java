package org.hearth.comments.host;

import java.time.Instant;

/**
 * One e-mail of the widget's outbox, as its delivery log shows it ({@link WidgetMail#recent}).
 *
 * @param createdAt when it was queued
 * @param recipient the address it goes to
 * @param subject   its subject
 * @param status    whether it went out
 * @param attempts  how many deliveries were tried
 * @param lastError why the last attempt failed, or null
 */
public record MailRecord(Instant createdAt, String recipient, String subject, MailStatus status, int attempts, String lastError) {
}

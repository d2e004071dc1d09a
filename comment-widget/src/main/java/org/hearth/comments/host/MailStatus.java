package org.hearth.comments.host;

/** Where an e-mail the widget sends stands: waiting for (another) attempt, sent, or given up after the last attempt. */
public enum MailStatus {
    QUEUED, SENT, FAILED
}

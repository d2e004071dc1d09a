package org.hearth.comments.share;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The words a share bar's host chose for share messages ({@code <hc:share text="...">}), when they differ from the
 * thread's title. Stored, like the canonical URL, so the counter never takes text from a request.
 */
@Entity
@Table(name = "hc_share_message")
public class ShareMessage {

    public static final int MAX = 300;

    @Id
    @Column(name = "thread_id")
    private long threadId;

    @Column(nullable = false, length = MAX)
    private String message;

    protected ShareMessage() {
    }

    ShareMessage(long threadId, String message) {
        this.threadId = threadId;
        say(message);
    }

    void say(String message) {
        var text = message.strip();
        if (text.isEmpty() || text.length() > MAX) {
            throw new IllegalArgumentException("A share message must be 1 to " + MAX + " characters");
        }
        this.message = text;
    }

    public String getMessage() {
        return message;
    }
}

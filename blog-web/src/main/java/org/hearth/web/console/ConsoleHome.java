package org.hearth.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.comments.inbox.Inbox;
import org.hearth.comments.moderation.ModerationQueue;

/** The console's first page: what waits for the team this morning. */
@Named
@RequestScoped
public class ConsoleHome {

    @Inject
    private Inbox inbox;

    @Inject
    private ModerationQueue queue;

    public long getUnanswered() {
        return inbox.count();
    }

    public long getPending() {
        return queue.countPending();
    }
}

package org.hearth.comments.host;

/**
 * A thread and the shares started from the site for it ({@link ShareFigures#mostShared}).
 *
 * @param thread the thread
 * @param tally  its shares, per network and in total
 */
public record SharedThread(ThreadSummary thread, ShareTally tally) {
}

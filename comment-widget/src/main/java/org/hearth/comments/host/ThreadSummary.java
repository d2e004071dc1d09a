package org.hearth.comments.host;

/**
 * A comment thread as a host shows it in lists (figures, moderation): what names it, nothing to change it by.
 *
 * @param key   the thread's key, as the host gave it
 * @param title the title of the page the thread belongs to
 * @param url   the page's canonical address
 */
public record ThreadSummary(String key, String title, String url) {
}

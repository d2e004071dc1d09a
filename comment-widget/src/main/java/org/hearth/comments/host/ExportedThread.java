package org.hearth.comments.host;

import java.time.Instant;

/**
 * A thread as {@link CommentExport} hands it out.
 *
 * @param key       the thread's key, as the host gave it
 * @param title     the title of the page the thread belongs to
 * @param url       the page's canonical address
 * @param createdAt when its first comment or registration created it
 */
public record ExportedThread(String key, String title, String url, Instant createdAt) {
}

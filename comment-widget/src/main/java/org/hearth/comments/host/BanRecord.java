package org.hearth.comments.host;

import java.time.Instant;

/**
 * A ban as a site's team lists it ({@link Moderation#activeBans}, {@link Moderation#endedBans}): whom and what it was
 * about, never an address.
 *
 * @param id         what {@link Moderation#lift} takes
 * @param authorName the banned comment's author name, or null for a ban without a comment
 * @param excerpt    the first words of the banned comment, on one line, or null
 * @param scope      what it covers
 * @param reason     the moderator's reason (empty when none was given)
 * @param bannedBy   who banned
 * @param createdAt  when
 * @param expiresAt  when it ends by itself, or null for never
 * @param liftedAt   when a moderator lifted it, or null
 * @param liftedBy   who lifted it, or null
 */
public record BanRecord(long id, String authorName, String excerpt, BanScope scope, String reason, String bannedBy,
                        Instant createdAt, Instant expiresAt, Instant liftedAt, String liftedBy) {
}

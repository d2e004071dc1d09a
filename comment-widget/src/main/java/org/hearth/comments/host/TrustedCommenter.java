package org.hearth.comments.host;

import java.time.Instant;

/**
 * A commenter trusted in first-time moderation ({@link Moderation#trusted}): their comments are published at once when
 * they come from a browser that holds their own-comments token, and from anywhere with this address once it is
 * {@code confirmed}.
 *
 * @param emailHash        the fingerprint of their e-mail address (what {@link Moderation#revokeTrust} takes)
 * @param name             the name of their latest approved comment
 * @param approvedComments how many of their comments are approved
 * @param lastCommentAt    when they last commented
 * @param confirmed        whether they confirmed their e-mail address
 */
public record TrustedCommenter(String emailHash, String name, long approvedComments, Instant lastCommentAt, boolean confirmed) {
}

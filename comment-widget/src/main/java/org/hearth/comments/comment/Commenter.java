package org.hearth.comments.comment;

import java.time.Instant;
import java.util.Set;

/**
 * What the widget knows of the person posting, from their request.
 *
 * @param clientHash     a keyed fingerprint of their client (network address), for rate limits and bans
 * @param ownIds         the comments they proved to have written (signed tokens)
 * @param formShownAt    when the form they post was shown (from its signed token), or null when no valid token came
 *                       with the comment (it is then refused)
 * @param honeypot       the value of the field people never see, or null when absent
 */
public record Commenter(String clientHash, Set<Long> ownIds, Instant formShownAt, String honeypot) {

    public Commenter {
        ownIds = Set.copyOf(ownIds);
    }

    /**
     * A commenter for content the host itself brings in (a demo, an import), not through a form: no form to wait for.
     *
     * @param source names where the content comes from, in place of a client's fingerprint
     */
    public static Commenter host(String source) {
        return new Commenter(source, Set.of(), Instant.EPOCH, null);
    }
}

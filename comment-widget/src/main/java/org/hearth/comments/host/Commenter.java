package org.hearth.comments.host;

import java.time.Duration;
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
 * @param formId         the random id of the form they post (a form serves {@value #COMMENTS_PER_FORM} comments
 *                       within {@link #FORM_REUSE}), or null when no valid token came with the comment
 */
public record Commenter(String clientHash, Set<Long> ownIds, Instant formShownAt, String honeypot, String formId) {

    /** Comments one form (one showing of it) may post: a reader may post a few in place; a bot must fetch a form for each. */
    public static final int COMMENTS_PER_FORM = 3;

    /** How long after its first comment a form may post the others. */
    public static final Duration FORM_REUSE = Duration.ofMinutes(10);

    public Commenter {
        ownIds = Set.copyOf(ownIds);
    }

    /**
     * A commenter for content the host itself brings in (a demo, an import), not through a form: no form to wait for.
     *
     * @param source names where the content comes from, in place of a client's fingerprint
     */
    public static Commenter host(String source) {
        return new Commenter(source, Set.of(), Instant.EPOCH, null, null);
    }
}

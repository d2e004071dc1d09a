package org.hearth.web.cache;

import java.time.Instant;
import java.util.Optional;

/**
 * A source of changes to reader pages that lie outside the post itself, such as its comments: implement it as a CDI
 * bean (any scope) and {@link PageVersions} takes it into every post page's {@code ETag} and {@code Last-Modified}.
 * Read the time from shared storage (the database), so that every instance of a cluster agrees on it.
 * <p>
 * Example, wiring the comment widget: return the time of the newest approved (or moderated) comment of the thread
 * shown at {@code pagePath}.
 */
public interface PageChanges {

    /**
     * When what this source shows on the page at {@code pagePath} last changed.
     *
     * @param pagePath relative to the context root, such as {@code /posts/being-a-star-in-our-communities}
     * @return the time, or empty when this source shows nothing there
     */
    Optional<Instant> lastChange(String pagePath);

    /**
     * What this source shows on the page at {@code pagePath}, as a short fingerprint that changes with it (for changes
     * that carry no new time, such as a comment approved or a share counted). Empty by default.
     */
    default Optional<String> fingerprint(String pagePath) {
        return Optional.empty();
    }
}

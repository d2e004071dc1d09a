package org.hearth.web.cache;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The validators of reader pages: a page's version combines what the page shows (a post's id and version, its
 * discussion's revision...), the deployment (new templates change every page) and the {@link PageChanged} events
 * received for its path. Anything that changes one of them changes the page's {@code ETag}.
 */
@ApplicationScoped
public class PageVersions {

    /** A page's validators: a weak {@code ETag} value and the {@code Last-Modified} time. */
    public record Version(String tag, Instant lastModified) {
    }

    private final Instant deployedAt = Instant.now();
    private final Map<String, Instant> changes = new ConcurrentHashMap<>();

    void pageChanged(@Observes PageChanged event) {
        changes.merge(event.pagePath(), Instant.now(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * The version of the page at {@code pagePath}.
     *
     * @param content     what the page shows, such as {@code post-12-v3-r41}
     * @param lastChanges when the parts of that last changed (such as a post and its discussion)
     */
    public Version of(String pagePath, String content, Instant... lastChanges) {
        var outside = changes.get(pagePath);
        var newest = Stream.concat(Stream.of(lastChanges), Stream.of(deployedAt, outside == null ? Instant.EPOCH : outside))
                .filter(Objects::nonNull).max(Instant::compareTo).orElseThrow();
        var tag = content + "-" + Long.toString(deployedAt.toEpochMilli(), 36)
                + (outside == null ? "" : "-" + Long.toString(outside.toEpochMilli(), 36));
        return new Version(tag, newest);
    }
}

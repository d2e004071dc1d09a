package org.hearth.web.cache;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The validators of reader pages: a page's version combines what the page itself shows (a post's id, version and last
 * edit), the deployment (new templates change every page), the {@link PageChanged} events received for its path and the
 * {@link PageChanges} beans of other modules. Anything that changes one of them changes the page's {@code ETag}.
 */
@ApplicationScoped
public class PageVersions {

    /** A page's validators: a weak {@code ETag} value and the {@code Last-Modified} time. */
    public record Version(String tag, Instant lastModified) {
    }

    private final Instant deployedAt = Instant.now();
    private final Map<String, Instant> changes = new ConcurrentHashMap<>();

    @Inject
    @Any
    private Instance<PageChanges> sources;

    void pageChanged(@Observes PageChanged event) {
        changes.merge(event.pagePath(), Instant.now(), (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * The version of the page at {@code pagePath}.
     *
     * @param content    what the page shows of its own, such as {@code post-12-v3}
     * @param lastChange when that last changed
     */
    public Version of(String pagePath, String content, Instant lastChange) {
        var outside = Stream.concat(Stream.ofNullable(changes.get(pagePath)),
                        sources.stream().flatMap(source -> source.lastChange(pagePath).stream()))
                .max(Instant::compareTo);
        var newest = Stream.of(lastChange, deployedAt, outside.orElse(Instant.EPOCH)).max(Instant::compareTo).orElseThrow();
        var fingerprints = sources.stream().flatMap(source -> source.fingerprint(pagePath).stream()).toList();
        var tag = content + "-" + Long.toString(deployedAt.toEpochMilli(), 36)
                + "-" + Long.toString(outside.map(Instant::toEpochMilli).orElse(0L), 36)
                + (fingerprints.isEmpty() ? "" : "-" + Integer.toString(String.join("/", fingerprints).hashCode(), 36));
        return new Version(tag, newest);
    }
}

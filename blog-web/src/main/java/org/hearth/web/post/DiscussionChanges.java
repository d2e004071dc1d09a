package org.hearth.web.post;

import java.time.Instant;
import java.util.Optional;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.hearth.blog.post.PostService;
import org.hearth.comments.thread.ThreadVersions;
import org.hearth.web.cache.PageChanges;

/**
 * Takes a post's discussion and share counts into its page's {@code ETag}: a new, edited, moderated or smiled-at
 * comment, or a counted share, changes the tag on every server instance (it is read from the database, once per
 * request).
 */
@RequestScoped
public class DiscussionChanges implements PageChanges {

    private static final String PREFIX = "/posts/";

    @Inject
    private PostService posts;

    @Inject
    private ThreadVersions threads;

    @Override
    public Optional<Instant> lastChange(String pagePath) {
        return version(pagePath).map(ThreadVersions.Version::lastChange);
    }

    @Override
    public Optional<String> fingerprint(String pagePath) {
        return version(pagePath).map(ThreadVersions.Version::fingerprint);
    }

    private final Map<String, Optional<ThreadVersions.Version>> versions = new HashMap<>();

    private Optional<ThreadVersions.Version> version(String pagePath) {
        if (!pagePath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return versions.computeIfAbsent(pagePath, path -> posts.findVisible(path.substring(PREFIX.length()))
                .flatMap(post -> threads.of(PostPermalinks.threadKey(post))));
    }
}

package org.hearth.blog.transfer;

import java.time.Instant;

/** What a Disqus export holds, as {@link DisqusReader} reads it. */
public final class Disqus {

    private Disqus() {
    }

    /** One entry of the export: Disqus writes every thread first, then every post. */
    public sealed interface Entry permits Thread, Post {
    }

    /**
     * A {@code thread}: the discussion of one page.
     *
     * @param id         Disqus's id ({@code dsq:id})
     * @param identifier the page identifier the site gave Disqus ({@code <id>}), or blank
     * @param link       the page's address
     */
    public record Thread(String id, String identifier, String link, String title, int line) implements Entry {
    }

    /**
     * A {@code post}: one comment.
     *
     * @param threadId the {@code dsq:id} of its thread
     * @param parentId the {@code dsq:id} of the post it answers, or null
     * @param message  its HTML
     */
    public record Post(String id, String threadId, String parentId, String authorName, String authorEmail,
                       String authorUsername, String message, Instant createdAt, boolean deleted, boolean spam, int line)
            implements Entry {
    }
}

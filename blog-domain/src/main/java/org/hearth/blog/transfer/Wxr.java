package org.hearth.blog.transfer;

import java.time.Instant;
import java.util.List;

/** What a WordPress export (WXR) holds, as {@link WxrReader} reads it: the records of its entries. */
public final class Wxr {

    private Wxr() {
    }

    /** One entry of the export, in the order the file gives them. */
    public sealed interface Entry permits Author, Term, Item {
    }

    /**
     * The site the export comes from.
     *
     * @param link        the blog's address ({@code <link>} of the channel), such as {@code https://old.example.org}
     * @param baseSiteUrl the WordPress installation's address ({@code wp:base_site_url})
     */
    public record Site(String title, String link, String baseSiteUrl, String wxrVersion) {

        /** What names the site in the kept source ids: its link, else its installation's address. */
        public String identity() {
            return link != null && !link.isBlank() ? link.strip() : baseSiteUrl == null ? "" : baseSiteUrl.strip();
        }
    }

    /** A {@code wp:author}: a person who wrote posts. */
    public record Author(long id, String login, String email, String displayName, int line) implements Entry {
    }

    /**
     * A {@code wp:category} or {@code wp:tag} of the channel, or a {@code category} of an item.
     *
     * @param taxonomy {@code category} or {@code post_tag}
     */
    public record Term(String taxonomy, String slug, String name) implements Entry {

        public boolean isCategory() {
            return "category".equals(taxonomy);
        }
    }

    /**
     * An {@code item}: a post, page, attachment or menu entry (see {@link #postType()}).
     *
     * @param dateGmt when it was published ({@code wp:post_date_gmt}, else {@code wp:post_date}), or null for a draft
     *                never dated
     * @param line    the line of its {@code item} element
     */
    public record Item(long id, String postType, String title, String link, String slug, String status, Instant dateGmt,
                       String creator, String content, String excerpt, List<Term> terms, List<Comment> comments, int line)
            implements Entry {
    }

    /**
     * A {@code wp:comment}.
     *
     * @param parentId 0 for a top-level comment
     * @param approved {@code 1}, {@code 0} (pending), {@code spam}, {@code trash} or {@code post-trashed}
     * @param type     blank for a comment, {@code pingback} or {@code trackback}
     * @param userId   the WordPress user who wrote it, 0 for a guest
     */
    public record Comment(long id, long parentId, String author, String email, String url, Instant dateGmt,
                          String content, String approved, String type, long userId, int line) {

        public boolean isPing() {
            return "pingback".equals(type) || "trackback".equals(type);
        }
    }
}

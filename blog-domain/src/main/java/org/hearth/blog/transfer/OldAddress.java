package org.hearth.blog.transfer;

import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;

/**
 * An address the site had before it moved to Hearth, and what now stands there: a post, a post's comment feed, a tag
 * page or the feed. Addresses are kept {@linkplain #normalize normalized}: a path without its trailing slash, with
 * {@code ?p=ID} kept as the one query that names a page.
 */
@Entity
@Table(name = "blog_old_address")
@NamedQuery(name = "OldAddress.findKnown", query = "select a.address from OldAddress a where a.address in :addresses")
@NamedQuery(name = "OldAddress.count", query = "select count(a) from OldAddress a")
public class OldAddress {

    public static final int ADDRESS_MAX = 600;

    /** What an old address leads to. */
    public enum Kind {
        POST, POST_FEED, TAG, FEED
    }

    @Id
    @Column(length = ADDRESS_MAX)
    private String address;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "post_id")
    private Long postId;

    @Column(length = 40)
    private String tag;

    protected OldAddress() {
    }

    /** @param address a normalized address ({@link #normalize}) */
    public OldAddress(String address, Kind kind, Long postId, String tag) {
        if (address == null || address.isEmpty() || address.length() > ADDRESS_MAX) {
            throw new RuleException(Phrase.OLD_ADDRESS_LENGTH, ADDRESS_MAX);
        }
        this.address = address;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.postId = postId;
        this.tag = tag;
    }

    /**
     * The address of a request as old addresses are kept: the path (decoded, lowercase) without its trailing slash, and
     * {@code ?p=ID} when the query names a post by id. Null when there is nothing to look up (the home page).
     *
     * @param path  the path inside the application, such as {@code /2024/05/01/hello/}
     * @param query the query string, or null
     */
    public static String normalize(String path, String query) {
        var trimmed = path == null ? "" : path.toLowerCase(Locale.ROOT);
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty() || trimmed.equals("/index.php")) {
            var id = query == null ? null : java.util.Arrays.stream(query.split("&"))
                    .filter(part -> part.matches("p=[0-9]{1,18}")).findFirst().orElse(null);
            return id == null ? null : "/?" + id;
        }
        return trimmed.length() > ADDRESS_MAX ? null : trimmed;
    }

    public String getAddress() {
        return address;
    }

    public Kind getKind() {
        return kind;
    }

    public Long getPostId() {
        return postId;
    }

    public String getTag() {
        return tag;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OldAddress that && address.equals(that.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }
}

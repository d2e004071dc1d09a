package org.hearth.comments.thread;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One discussion, named by the host with an opaque key (a page path, a post slug...). The widget knows nothing else of
 * the page than its key, its title and its canonical URL, which the host passes every time it shows the thread.
 * <p>
 * Invariants: the key is 1 to {@value #KEY_MAX} characters and never changes; the title is 1 to {@value #TITLE_MAX}
 * characters; the URL is an absolute {@code http} or {@code https} URL of at most {@value #URL_MAX} characters.
 */
@Entity
@Table(name = "hc_thread")
@NamedQuery(name = "CommentThread.findByKey", query = "select t from CommentThread t where t.key = :key")
@NamedQuery(name = "CommentThread.idsByKey", query = "select t.id, t.key from CommentThread t where t.key in :keys")
public class CommentThread {

    public static final int KEY_MAX = 500;
    public static final int TITLE_MAX = 300;
    public static final int URL_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @NotBlank
    @Size(max = KEY_MAX)
    @Column(name = "thread_key", nullable = false, unique = true, updatable = false, length = KEY_MAX)
    private String key;

    @NotBlank
    @Size(max = TITLE_MAX)
    @Column(nullable = false, length = TITLE_MAX)
    private String title;

    @NotBlank
    @Size(max = URL_MAX)
    @Column(nullable = false, length = URL_MAX)
    private String url;

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CommentThread() {
    }

    /** @throws IllegalArgumentException when the key, title or URL breaks its rule (the message names it) */
    public CommentThread(String key, String title, String url) {
        this.key = requireKey(key);
        describe(title, url);
        this.createdAt = Instant.now();
    }

    /**
     * Takes the title and canonical URL the host passes now (pages get renamed and move).
     *
     * @throws IllegalArgumentException when the title or URL breaks its rule
     */
    public void describe(String title, String url) {
        if (title == null || title.isBlank() || title.strip().length() > TITLE_MAX) {
            throw new IllegalArgumentException("A thread's title must be 1 to " + TITLE_MAX + " characters");
        }
        this.title = title.strip();
        this.url = requireWebUrl(url);
    }

    /** The key, checked: 1 to {@value #KEY_MAX} characters, no surrounding blanks. */
    public static String requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > KEY_MAX || !key.equals(key.strip())) {
            throw new IllegalArgumentException("A thread's key must be 1 to " + KEY_MAX + " characters without surrounding blanks");
        }
        return key;
    }

    private static String requireWebUrl(String url) {
        try {
            var uri = new URI(Objects.requireNonNull(url, "url").strip());
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.toString().length() <= URL_MAX) {
                return uri.toString();
            }
        } catch (URISyntaxException | NullPointerException e) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException("A thread's URL must be an absolute http or https URL of at most " + URL_MAX + " characters");
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    /** The canonical URL of the page that shows this thread. */
    public String getUrl() {
        return url;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CommentThread that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return CommentThread.class.hashCode();
    }
}

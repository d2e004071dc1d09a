package org.hearth.blog.media;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An image uploaded for posts, kept in the database so that every instance on it serves it, at an address named by
 * the SHA-256 of its bytes ({@link #getPath()}): the same bytes are stored once, and what an address shows never
 * changes.
 */
@Entity
@Table(name = "blog_image")
@NamedQuery(name = "PostImage.byHash", query = "select i from PostImage i where i.contentHash = :hash")
public class PostImage {

    /** Where images are served, before {@code {hash}.{extension}}. */
    public static final String PATH = "/media/";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "content_hash", nullable = false, unique = true, length = 64, updatable = false)
    private String contentHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "media_type", nullable = false, length = 16, updatable = false)
    private ImageType type;

    @Column(nullable = false, updatable = false)
    private int width;

    @Column(nullable = false, updatable = false)
    private int height;

    @Column(name = "byte_count", nullable = false, updatable = false)
    private int byteCount;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] bytes;

    @Column(name = "uploaded_by", updatable = false)
    private Long uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected PostImage() {
    }

    /** The prepared image, uploaded by the author with this id (null when unknown) at {@code now}. */
    public PostImage(ImagePreparation.Prepared image, Long uploadedBy, Instant now) {
        this.contentHash = image.hash();
        this.type = image.type();
        this.width = image.width();
        this.height = image.height();
        this.bytes = image.bytes();
        this.byteCount = image.bytes().length;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = Objects.requireNonNull(now, "now");
    }

    /** Its address within the site, such as {@code /media/3a7b….png}. */
    public String getPath() {
        return PATH + contentHash + "." + type.extension();
    }

    public Long getId() {
        return id;
    }

    public String getContentHash() {
        return contentHash;
    }

    public ImageType getType() {
        return type;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public int getByteCount() {
        return byteCount;
    }

    public byte[] getBytes() {
        return bytes;
    }

    public Long getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PostImage that && contentHash != null && contentHash.equals(that.contentHash);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(contentHash);
    }
}

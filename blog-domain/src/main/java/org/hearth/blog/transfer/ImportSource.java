package org.hearth.blog.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;

/**
 * The post an imported item became, by what named it in its export (such as
 * {@code "wordpress https://old.example.org post 42"}): importing the same export again finds it instead of adding it.
 */
@Entity
@Table(name = "blog_import_source")
public class ImportSource {

    public static final int KEY_MAX = 600;

    @Id
    @Column(name = "source_key", length = KEY_MAX)
    private String sourceKey;

    @Column(name = "post_id", nullable = false)
    private long postId;

    protected ImportSource() {
    }

    public ImportSource(String sourceKey, long postId) {
        if (sourceKey == null || sourceKey.isEmpty() || sourceKey.length() > KEY_MAX) {
            throw new RuleException(Phrase.SOURCE_KEY_LENGTH, KEY_MAX);
        }
        this.sourceKey = sourceKey;
        this.postId = postId;
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public long getPostId() {
        return postId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImportSource that && sourceKey.equals(that.sourceKey);
    }

    @Override
    public int hashCode() {
        return sourceKey.hashCode();
    }
}

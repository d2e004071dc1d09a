-- Which comment an imported one became, by its id where it came from ("wordpress <site> comment 42", "disqus 123"):
-- importing the same export again adds nothing, and a newer export adds only what is new (CommentImport).
CREATE TABLE hc_comment_source (
    source_key VARCHAR(600) NOT NULL PRIMARY KEY,
    comment_id BIGINT       NOT NULL,
    CONSTRAINT fk_hc_comment_source_comment FOREIGN KEY (comment_id) REFERENCES hc_comment (id) ON DELETE CASCADE
);
CREATE INDEX ix_hc_comment_source_comment ON hc_comment_source (comment_id);

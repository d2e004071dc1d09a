-- The language of a post's body: MARKDOWN (written in Hearth) or WORDPRESS_HTML (imported, shown as it looked).
ALTER TABLE blog_post ADD COLUMN body_format VARCHAR(16) DEFAULT 'MARKDOWN' NOT NULL;

-- Which post an imported item became, by its id in the export it came from ("wordpress <site> post 42"): importing
-- the same export again adds nothing.
CREATE TABLE blog_import_source (
    source_key VARCHAR(600) NOT NULL PRIMARY KEY,
    post_id    BIGINT       NOT NULL,
    CONSTRAINT fk_blog_import_source_post FOREIGN KEY (post_id) REFERENCES blog_post (id) ON DELETE CASCADE
);
CREATE INDEX ix_blog_import_source_post ON blog_import_source (post_id);

-- The addresses a site had before it moved to Hearth (path and query, such as /2024/05/01/hello/ or /?p=42), each
-- answered with a permanent redirect to a post, a post's comment feed, a tag page or the feed.
CREATE TABLE blog_old_address (
    address    VARCHAR(600) NOT NULL PRIMARY KEY,
    kind       VARCHAR(16)  NOT NULL,
    post_id    BIGINT,
    tag        VARCHAR(40),
    CONSTRAINT fk_blog_old_address_post FOREIGN KEY (post_id) REFERENCES blog_post (id) ON DELETE CASCADE
);
CREATE INDEX ix_blog_old_address_post ON blog_old_address (post_id);

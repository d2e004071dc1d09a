-- The slugs a post had before: requests for them are answered with a permanent redirect to the current permalink.
CREATE TABLE blog_post_old_slug (
    slug    VARCHAR(120) NOT NULL,
    post_id BIGINT       NOT NULL,
    CONSTRAINT pk_blog_post_old_slug PRIMARY KEY (slug),
    CONSTRAINT fk_blog_post_old_slug_post FOREIGN KEY (post_id) REFERENCES blog_post (id) ON DELETE CASCADE
);

CREATE INDEX ix_blog_post_old_slug_post ON blog_post_old_slug (post_id);

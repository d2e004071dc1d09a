ALTER TABLE blog_team_user ADD COLUMN deactivated_at TIMESTAMP;
ALTER TABLE blog_team_user ADD COLUMN access_version INTEGER DEFAULT 0 NOT NULL;

CREATE TABLE blog_password_reset (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    expires_at TIMESTAMP   NOT NULL,
    CONSTRAINT fk_blog_password_reset_user FOREIGN KEY (user_id) REFERENCES blog_team_user (id) ON DELETE CASCADE
);

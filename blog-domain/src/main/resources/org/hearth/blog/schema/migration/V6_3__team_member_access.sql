ALTER TABLE blog_team_user ADD COLUMN deactivated_at TIMESTAMP;
ALTER TABLE blog_team_user ADD COLUMN access_version INTEGER DEFAULT 0 NOT NULL;

-- Bans with terms: one ban covers an e-mail address, a network address or both (their fingerprints, never the
-- addresses), keeps who banned, when and why, the banned comment's author name and an excerpt for context, ends at its
-- expiry (none: until lifted) and can be lifted. The bans of before (one row per kind and fingerprint) stay in force,
-- without expiry, until a moderator lifts them.
ALTER TABLE hc_ban DROP CONSTRAINT uq_hc_ban;
ALTER TABLE hc_ban ADD COLUMN email_hash VARCHAR(64);
ALTER TABLE hc_ban ADD COLUMN client_hash VARCHAR(64);
UPDATE hc_ban SET email_hash = value_hash WHERE kind = 'EMAIL';
UPDATE hc_ban SET client_hash = value_hash WHERE kind = 'CLIENT';
ALTER TABLE hc_ban DROP COLUMN kind;
ALTER TABLE hc_ban DROP COLUMN value_hash;
ALTER TABLE hc_ban ADD COLUMN reason VARCHAR(500) DEFAULT '' NOT NULL;
ALTER TABLE hc_ban ADD COLUMN banned_by VARCHAR(80) DEFAULT '' NOT NULL;
ALTER TABLE hc_ban ADD COLUMN expires_at TIMESTAMP;
ALTER TABLE hc_ban ADD COLUMN comment_id BIGINT;
ALTER TABLE hc_ban ADD COLUMN author_name VARCHAR(80);
ALTER TABLE hc_ban ADD COLUMN excerpt VARCHAR(200);
ALTER TABLE hc_ban ADD COLUMN lifted_at TIMESTAMP;
ALTER TABLE hc_ban ADD COLUMN lifted_by VARCHAR(80);
CREATE INDEX ix_hc_ban_email ON hc_ban (email_hash);
CREATE INDEX ix_hc_ban_client ON hc_ban (client_hash);

-- The console's counts on a large site (Inbox, ModerationQueue): comments by status and badge in time order read from an
-- index alone, and a writer's first approved comment found from the e-mail and client indexes without the table.
DROP INDEX ix_hc_comment_email;
CREATE INDEX ix_hc_comment_email ON hc_comment (email_hash, status, created_at);
DROP INDEX ix_hc_comment_client;
CREATE INDEX ix_hc_comment_client ON hc_comment (client_hash, created_at, status);
CREATE INDEX ix_hc_comment_status ON hc_comment (status, badge, created_at, id);

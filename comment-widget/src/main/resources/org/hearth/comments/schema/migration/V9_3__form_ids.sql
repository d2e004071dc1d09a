-- The random id of the form (one showing of it) a comment was posted with: a form serves a few comments within minutes,
-- so a bot cannot post without end with one form token (see Commenter.COMMENTS_PER_FORM). Earlier comments have none.
ALTER TABLE hc_comment ADD COLUMN form_id VARCHAR(16);
CREATE INDEX ix_hc_comment_form ON hc_comment (form_id);

-- Imported comments whose words are not in hc_comment_word yet (CommentWordBacklog indexes them in the background, a
-- batch per transaction, so an import stays fast and a restart resumes). The one row of hc_comment_word_indexer is
-- locked by the instance indexing a batch, so that two instances on one database never index the same comments.
CREATE TABLE hc_comment_word_backlog (
    comment_id BIGINT NOT NULL PRIMARY KEY,
    CONSTRAINT fk_hc_comment_word_backlog_comment FOREIGN KEY (comment_id) REFERENCES hc_comment (id) ON DELETE CASCADE
);
CREATE TABLE hc_comment_word_indexer (
    id         INTEGER   NOT NULL PRIMARY KEY,
    batch_at   TIMESTAMP
);
INSERT INTO hc_comment_word_indexer (id, batch_at) VALUES (1, NULL);

-- A thread's revision: a number that every change to what the thread shows (a comment posted, edited, moderated or
-- smiled at, a share counted) raises in the same transaction, so that servers sharing this database can tell whether a
-- page they keep is still current with one indexed read (see ThreadRevisions).
ALTER TABLE hc_thread ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE hc_thread ADD COLUMN changed_at TIMESTAMP;

-- A page of top-level comments in the order readers see it, so that the database stops after one page instead of
-- sorting the whole thread (a thread of 10,000 comments shows its first page as fast as a small one).
CREATE INDEX ix_hc_comment_page ON hc_comment (thread_id, parent_id, created_at, id);

-- Smiles count once per browser (a cookie) rather than once per network address; the address is kept beside it, so
-- that one address cannot smile without end by dropping its cookies. Earlier smiles were keyed by the address.
ALTER TABLE hc_smile ADD COLUMN address_hash VARCHAR(64);
UPDATE hc_smile SET address_hash = client_hash;
CREATE INDEX ix_hc_smile_address ON hc_smile (comment_id, address_hash);

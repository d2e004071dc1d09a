-- The word index of comments for the console's search (SearchWords: lower case, NFKC, accents dropped): each word of a
-- comment's text, its writer's name and e-mail address, once per comment, with the comment's time. The primary key
-- serves the search alone: a range of words by their beginning, newest comments first. V17_2 fills it.
CREATE TABLE hc_comment_word (
    word       VARCHAR(40) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    comment_id BIGINT      NOT NULL,
    CONSTRAINT pk_hc_comment_word PRIMARY KEY (word, created_at, comment_id),
    CONSTRAINT fk_hc_comment_word_comment FOREIGN KEY (comment_id) REFERENCES hc_comment (id) ON DELETE CASCADE
);
CREATE INDEX ix_hc_comment_word_comment ON hc_comment_word (comment_id);

-- The plain text of each post's body, lowercased, for search with LIKE on any database.
-- The next migration (V4, in Java) fills it for the posts written before.
ALTER TABLE blog_post ADD COLUMN search_text ${clob};

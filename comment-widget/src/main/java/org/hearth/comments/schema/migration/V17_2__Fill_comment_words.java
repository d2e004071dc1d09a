package org.hearth.comments.schema.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.hearth.comments.search.SearchWords;

/** Fills the word index (V17_1) with the words of the comments written before it existed, a thousand rows a batch. */
public class V17_2__Fill_comment_words extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (var select = connection.prepareStatement("SELECT id, created_at, markdown, author_name, author_email FROM hc_comment");
             var insert = connection.prepareStatement("INSERT INTO hc_comment_word (word, created_at, comment_id) VALUES (?, ?, ?)");
             var rows = select.executeQuery()) {
            int batched = 0;
            while (rows.next()) {
                var id = rows.getLong("id");
                var createdAt = rows.getTimestamp("created_at");
                for (var word : SearchWords.of(rows.getString("markdown"), rows.getString("author_name"), rows.getString("author_email"))) {
                    insert.setString(1, word);
                    insert.setTimestamp(2, createdAt);
                    insert.setLong(3, id);
                    insert.addBatch();
                    if (++batched % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}

package org.hearth.blog.schema.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.hearth.blog.post.Post;

/** Fills {@code blog_post.search_text} (added by V3) for the posts written before it existed. */
public class V4__Fill_post_search_text extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        var connection = context.getConnection();
        try (var select = connection.prepareStatement("SELECT id, markdown FROM blog_post WHERE search_text IS NULL");
             var update = connection.prepareStatement("UPDATE blog_post SET search_text = ? WHERE id = ?");
             var rows = select.executeQuery()) {
            while (rows.next()) {
                update.setString(1, Post.searchText(rows.getString("markdown")));
                update.setLong(2, rows.getLong("id"));
                update.executeUpdate();
            }
        }
    }
}

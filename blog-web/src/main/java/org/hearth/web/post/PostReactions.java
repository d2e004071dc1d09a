package org.hearth.web.post;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.Post;
import org.hearth.comments.host.CommentThreads;

/**
 * The approved-comment counts shown beside post summaries: one query for a whole list of posts, however long, the
 * first time one of its posts is asked about.
 */
@Named
@RequestScoped
public class PostReactions {

    @Inject
    private CommentThreads threads;

    private final Map<List<Post>, Map<String, Long>> countsByList = new IdentityHashMap<>();

    /** The approved comments of {@code post}, one of {@code posts}. */
    public long comments(List<Post> posts, Post post) {
        var counts = countsByList.computeIfAbsent(posts,
                list -> threads.approvedCounts(list.stream().map(PostPermalinks::threadKey).toList()));
        return counts.getOrDefault(PostPermalinks.threadKey(post), 0L);
    }
}

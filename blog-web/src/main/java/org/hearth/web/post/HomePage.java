package org.hearth.web.post;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;

/** The home page: the published posts, newest first. */
@Named
@RequestScoped
public class HomePage {

    static final int PAGE_SIZE = 20;

    @Inject
    private PostService posts;

    private List<Post> latest;

    public List<Post> getPosts() {
        if (latest == null) {
            latest = posts.findVisibleNewestFirst(0, PAGE_SIZE);
        }
        return latest;
    }
}

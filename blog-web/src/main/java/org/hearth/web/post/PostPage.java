package org.hearth.web.post;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/** A post at its permalink {@code /posts/{slug}}; anything else under {@code /posts/} is a 404. */
@Named
@RequestScoped
public class PostPage {

    @Inject
    @Param(pathIndex = 0)
    private String slug;

    @Inject
    @Param(pathIndex = 1)
    private String extraPathSegment;

    @Inject
    private PostService posts;

    private Post post;

    /** Runs before rendering ({@code f:viewAction}): finds the post, or answers 404. */
    public void load() throws IOException {
        post = slug == null || extraPathSegment != null ? null : posts.findVisible(slug).orElse(null);
        if (post == null) {
            Faces.responseSendError(404, "No post at this address");
        }
    }

    public Post getPost() {
        return post;
    }
}

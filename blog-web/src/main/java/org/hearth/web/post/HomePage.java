package org.hearth.web.post;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

/** The home page: the published posts, newest first. Unknown addresses fall through to it and answer 404. */
@Named
@RequestScoped
public class HomePage {

    static final int PAGE_SIZE = 20;

    @Inject
    private PostService posts;

    @Inject
    @Param(pathIndex = 0)
    private String unknownPath;

    private List<Post> latest;

    /** Runs before rendering ({@code f:viewAction}): any path below the home page is a page that does not exist. */
    public void load() throws IOException {
        if (unknownPath != null && !unknownPath.isEmpty()) {
            Faces.responseSendError(404, "No page at this address");
        }
    }

    public List<Post> getPosts() {
        if (latest == null) {
            latest = posts.findVisibleNewestFirst(0, PAGE_SIZE);
        }
        return latest;
    }
}

package org.hearth.web.post;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;

/** A post at its permalink {@code /posts/{slug}} (see {@link PostPermalinks}). */
@Named
@RequestScoped
public class PostPage {

    @Inject
    private PostService posts;

    @Inject
    private FacesContext faces;

    private Post post;

    /** Runs before rendering ({@code f:viewAction}): finds the post readers may see, or answers 404. */
    public void load() throws IOException {
        var slug = (String) faces.getExternalContext().getRequestMap().get(PostPermalinks.SLUG);
        post = slug == null ? null : posts.findVisible(slug).orElse(null);
        if (post == null) {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "No post at this address");
            faces.responseComplete();
        }
    }

    public Post getPost() {
        return post;
    }

    /** The post's absolute address at this server (the comment thread's canonical URL). */
    public String getCanonicalUrl() {
        var external = faces.getExternalContext();
        var port = external.getRequestServerPort();
        var scheme = external.getRequestScheme();
        var defaultPort = scheme.equals("https") ? 443 : 80;
        return scheme + "://" + external.getRequestServerName() + (port == defaultPort ? "" : ":" + port)
                + external.getRequestContextPath() + PostPermalinks.path(post);
    }
}

package org.hearth.web.post;

import java.io.IOException;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;
import org.hearth.comments.host.PageHints;
import org.hearth.web.cache.PageCache;
import org.hearth.web.cache.PageVersions;
import org.hearth.web.cache.Validators;
import org.hearth.web.language.PluralFormatRenderer;
import org.hearth.web.site.SiteUrls;

/**
 * A post at its permalink {@code /posts/{slug}} (see {@link PostPermalinks}). A slug the post had before answers
 * {@code 301} with the current permalink. The page carries an {@code ETag} and {@code Last-Modified} from
 * {@link PageVersions} (the post's version and its discussion's revision), so a conditional GET of an unchanged page
 * answers {@code 304}; the page may be kept by the {@link PageCache}.
 * <p>
 * Application-scoped, the post it found kept as a request attribute: creating a bean per request cost GlassFish about
 * 90 KB of allocation, a tenth of a rendered page.
 */
@Named
@ApplicationScoped
public class PostPage {

    private static final String POST = PostPage.class.getName() + ".post";

    @Inject
    private PostService posts;

    @Inject
    private KeptPosts kept;

    @Inject
    private PageVersions versions;

    @Inject
    private PageHints hints;

    @Inject
    private SiteUrls urls;

    /** Runs before rendering ({@code f:viewAction}): finds the post readers may see, or answers 404. */
    public void load() throws IOException {
        var faces = FacesContext.getCurrentInstance();
        var slug = (String) faces.getExternalContext().getRequestMap().get(PostPermalinks.SLUG);
        var post = slug == null ? null : kept.findVisible(slug).orElse(null);
        if (post != null) {
            faces.getExternalContext().getRequestMap().put(POST, post);
        }
        if (post == null && slug != null) {
            var moved = posts.findVisibleByOldSlug(slug);
            if (moved.isPresent()) {
                var external = faces.getExternalContext();
                external.setResponseStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                external.setResponseHeader("Location", external.getRequestContextPath() + PostPermalinks.path(moved.get()));
                faces.responseComplete();
                return;
            }
        }
        if (post == null) {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "No post at this address");
            faces.responseComplete();
            return;
        }
        var path = PostPermalinks.path(post);
        var threadKey = PostPermalinks.threadKey(post);
        var discussion = hints.revision(threadKey);
        // The language is part of the version: a page switched to another language is another page.
        var version = versions.of(path, "post-" + post.getId() + "-" + post.getVersion() + "-r" + discussion.number()
                        + "-" + faces.getViewRoot().getLocale().toLanguageTag(),
                post.getUpdatedAt(), discussion.changedAt());
        var external = faces.getExternalContext();
        var response = (HttpServletResponse) external.getResponse();
        var request = (HttpServletRequest) external.getRequest();
        request.setAttribute(PageCache.RENDERED, new PageCache.Rendered(post.getSlug(), post.getVersion(), threadKey, discussion.number(), version));
        // A reader with comments of their own may see them pending: their page is theirs alone, never a 304.
        if (hints.ownCommentsProof(request).isEmpty()
                && Validators.answeredNotModified(request, response, version)) {
            faces.responseComplete();
        }
    }

    public Post getPost() {
        return (Post) FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(POST);
    }

    // The page's values as properties: EL looks a method with arguments up among all of its class's methods, copying
    // each one, on every call.

    /** The key of the post's comment thread and share counts. */
    public String getThreadKey() {
        return PostPermalinks.threadKey(getPost());
    }

    /** The post's permalink. */
    public String getUrl() {
        return urls.post(getPost());
    }

    /** The title of the post's comment feed, in the page's language. */
    public String getCommentsFeedTitle() {
        var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return PluralFormatRenderer.format(locale, ResourceBundle.getBundle("org.hearth.web.messages", locale).getString("feed.comments.title"),
                getPost().getTitle());
    }
}

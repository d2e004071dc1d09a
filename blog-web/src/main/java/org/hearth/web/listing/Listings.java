package org.hearth.web.listing;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.post.PostFilter;
import org.hearth.blog.post.PostListing;
import org.hearth.blog.post.PostService;

/** Loads the page of a listing that the request's {@code ?page=} asks for; a malformed or missing page is a 404. */
@ApplicationScoped
public class Listings {

    @Inject
    private PostService posts;

    @Inject
    private ReaderSettings settings;

    /**
     * The requested page of the posts matching {@code filter}, or empty after answering 404 (a page number that is not
     * a positive number, or past the last page).
     */
    public Optional<PostListing> requestedPage(FacesContext faces, PostFilter filter) throws IOException {
        var page = pageNumber(faces.getExternalContext().getRequestParameterMap().get("page"));
        var listing = page < 1 ? null : posts.listVisible(filter, page, settings.pageSize());
        if (listing == null || page > listing.lastPage()) {
            notFound(faces);
            return Optional.empty();
        }
        return Optional.of(listing);
    }

    /** Answers 404 with the site's error page and ends the Faces request. */
    public static void notFound(FacesContext faces) throws IOException {
        faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "Not found");
        faces.responseComplete();
    }

    static int pageNumber(String parameter) {
        if (parameter == null) {
            return 1;
        }
        return parameter.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(parameter) : 0;
    }
}

package org.hearth.web.post;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostFilter;
import org.hearth.blog.post.PostListing;
import org.hearth.web.listing.Listings;

/** The home page: the published posts, newest first, a page at a time ({@code /?page=2}). */
@Named
@RequestScoped
public class HomePage {

    @Inject
    private Listings listings;

    @Inject
    private FacesContext faces;

    private PostListing listing;

    /** Runs before rendering ({@code f:viewAction}): loads the requested page, or answers 404. */
    public void load() throws IOException {
        listing = listings.requestedPage(faces, PostFilter.all()).orElse(null);
    }

    public PostListing getListing() {
        return listing;
    }

    public List<Post> getPosts() {
        return listing == null ? List.of() : listing.posts();
    }
}

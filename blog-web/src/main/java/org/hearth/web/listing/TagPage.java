package org.hearth.web.listing;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.PostFilter;
import org.hearth.blog.post.PostListing;

/** The posts under a tag, {@code /tags/{tag}}; a tag without visible posts is a 404. */
@Named
@RequestScoped
public class TagPage {

    @Inject
    private Listings listings;

    @Inject
    private FacesContext faces;

    private String tag;
    private PostListing listing;

    /** Runs before rendering ({@code f:viewAction}). */
    public void load() throws IOException {
        tag = ReaderAddresses.part(faces.getExternalContext(), "tag");
        if (tag == null) {
            Listings.notFound(faces);
            return;
        }
        listing = listings.requestedPage(faces, PostFilter.tagged(tag)).orElse(null);
        if (listing != null && listing.total() == 0) {
            Listings.notFound(faces);
        }
    }

    public String getTag() {
        return tag;
    }

    public PostListing getListing() {
        return listing;
    }
}

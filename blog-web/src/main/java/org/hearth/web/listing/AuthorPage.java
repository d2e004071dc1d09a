package org.hearth.web.listing;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.author.Author;
import org.hearth.blog.author.AuthorService;
import org.hearth.blog.post.PostFilter;
import org.hearth.blog.post.PostListing;

/** An author's bio and posts, {@code /authors/{author}}; an unknown author is a 404. */
@Named
@RequestScoped
public class AuthorPage {

    @Inject
    private AuthorService authors;

    @Inject
    private Listings listings;

    @Inject
    private FacesContext faces;

    private Author author;
    private PostListing listing;

    /** Runs before rendering ({@code f:viewAction}). */
    public void load() throws IOException {
        var slug = ReaderAddresses.part(faces.getExternalContext(), "author");
        author = slug == null ? null : authors.findBySlug(slug).orElse(null);
        if (author == null) {
            Listings.notFound(faces);
            return;
        }
        listing = listings.requestedPage(faces, PostFilter.byAuthor(slug)).orElse(null);
    }

    public Author getAuthor() {
        return author;
    }

    public PostListing getListing() {
        return listing;
    }
}

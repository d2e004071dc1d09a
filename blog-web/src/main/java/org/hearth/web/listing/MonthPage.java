package org.hearth.web.listing;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.YearMonth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.PostFilter;
import org.hearth.blog.post.PostListing;

/** The posts of a month, {@code /archive/{yyyy}/{mm}}; a month without visible posts is a 404. */
@Named
@RequestScoped
public class MonthPage {

    @Inject
    private Listings listings;

    @Inject
    private FacesContext faces;

    private YearMonth month;
    private PostListing listing;

    /** Runs before rendering ({@code f:viewAction}). */
    public void load() throws IOException {
        var context = faces.getExternalContext();
        try {
            month = YearMonth.of(Integer.parseInt(ReaderAddresses.part(context, "year")),
                    Integer.parseInt(ReaderAddresses.part(context, "month")));
        } catch (NumberFormatException | DateTimeException e) {
            Listings.notFound(faces);
            return;
        }
        listing = listings.requestedPage(faces, PostFilter.publishedIn(month)).orElse(null);
        if (listing != null && listing.total() == 0) {
            Listings.notFound(faces);
        }
    }

    public YearMonth getMonth() {
        return month;
    }

    public PostListing getListing() {
        return listing;
    }
}

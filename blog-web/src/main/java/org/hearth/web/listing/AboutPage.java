package org.hearth.web.listing;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.author.Author;
import org.hearth.blog.author.AuthorService;

/** The About page, {@code /about}: what the blog is, and who writes it. */
@Named
@RequestScoped
public class AboutPage {

    @Inject
    private AuthorService authors;

    private List<Author> team;

    public List<Author> getAuthors() {
        if (team == null) {
            team = authors.findAll();
        }
        return team;
    }
}

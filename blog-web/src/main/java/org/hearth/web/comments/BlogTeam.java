package org.hearth.web.comments;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hearth.blog.author.AuthorService;
import org.hearth.comments.team.TeamDirectory;
import org.hearth.comments.team.TeamMember;

/**
 * The blog's team for the comment widget: its authors. Their names are reserved (a guest cannot comment as an author).
 * Hearth has no sign-in yet, so nobody is signed in and no comment from a reader carries a badge; the community
 * console brings sign-in and answers here with the signed-in author ("Author" on their own posts, "Team" elsewhere).
 */
@ApplicationScoped
public class BlogTeam implements TeamDirectory {

    @Inject
    private AuthorService authors;

    @Override
    public Optional<TeamMember> signedIn(String threadKey) {
        return Optional.empty();
    }

    @Override
    public boolean isReserved(String name) {
        return authors.isDisplayName(name);
    }
}

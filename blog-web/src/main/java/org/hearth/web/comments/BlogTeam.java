package org.hearth.web.comments;

import java.util.Collection;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import org.hearth.blog.author.Author;
import org.hearth.blog.author.AuthorService;
import org.hearth.blog.post.PostService;
import org.hearth.blog.team.TeamService;
import org.hearth.blog.team.TeamUser;
import org.hearth.web.post.PostPermalinks;
import org.hearth.comments.host.Badge;
import org.hearth.comments.host.TeamDirectory;
import org.hearth.comments.host.TeamMember;

/**
 * The blog's team for the comment widget. A team member signed in to the console comments under their author name,
 * with the "Author" badge on their own posts' threads (the thread key is the post's slug) and "Team" elsewhere.
 * Authors' names are reserved: a guest cannot comment as an author, nor under a name that looks like one.
 */
@ApplicationScoped
public class BlogTeam implements TeamDirectory {

    @Inject
    private AuthorService authors;

    @Inject
    private TeamService team;

    @Inject
    private PostService posts;

    @Inject
    private SecurityContext security;

    @Override
    public Optional<TeamMember> signedIn(String threadKey) {
        java.security.Principal principal;
        try {
            principal = security.getCallerPrincipal();
        } catch (RuntimeException e) {
            return Optional.empty(); // not a reader's request (a server thread): nobody is signed in
        }
        return principal == null ? Optional.empty() : team.findByUsername(principal.getName())
                .filter(TeamUser::isActive).map(user -> member(user, threadKey));
    }

    /** The member as the widget sees them in the thread with this key. */
    public TeamMember member(TeamUser user, String threadKey) {
        var postId = PostPermalinks.postId(threadKey);
        var isPostAuthor = postId.isPresent() && posts.find(postId.getAsLong())
                .map(p -> p.getAuthor().getId().equals(user.getAuthor().getId())).orElse(false);
        return new TeamMember(user.getAuthor().getDisplayName(), isPostAuthor ? Badge.AUTHOR : Badge.TEAM);
    }

    @Override
    public Collection<String> reservedNames() {
        return authors.findAll().stream().map(Author::getDisplayName).toList();
    }
}

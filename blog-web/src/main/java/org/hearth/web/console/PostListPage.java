package org.hearth.web.console;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;
import org.hearth.web.signin.SignedInMember;

/** The posts an editor may edit ({@code /console/posts/}): all for admins, their own for authors. */
@Named
@RequestScoped
public class PostListPage {

    @Inject
    private PostService posts;

    @Inject
    private SignedInMember member;

    public List<Post> getPosts() {
        var all = posts.findAllNewestFirst();
        if (member.isAdmin()) {
            return all;
        }
        var mine = member.require().getAuthor().getId();
        return all.stream().filter(p -> p.getAuthor().getId().equals(mine)).toList();
    }
}

package org.hearth.blog.post;

import java.util.List;

/**
 * One page of a listing of posts, newest first.
 *
 * @param posts    the posts on this page, with their authors
 * @param page     this page's number, from 1
 * @param pageSize how many posts a full page holds
 * @param total    how many posts the whole listing holds
 */
public record PostListing(List<Post> posts, int page, int pageSize, long total) {

    public PostListing {
        posts = List.copyOf(posts);
    }

    /** The number of the last page (1 for an empty listing). */
    public int lastPage() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return page < lastPage();
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean isEmpty() {
        return posts.isEmpty();
    }
}

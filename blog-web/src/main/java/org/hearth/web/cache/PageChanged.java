package org.hearth.web.cache;

/**
 * A CDI event saying that something shown on the reader page at {@code pagePath} (relative to the context root, such
 * as {@code /posts/being-a-star-in-our-communities}) changed outside the post itself, for instance a comment was
 * approved. {@link PageVersions} then gives the page a new {@code ETag}, so a conditional GET gets the new page instead
 * of {@code 304}. Fire it with {@code @Inject Event<PageChanged> changes; changes.fire(new PageChanged(path));}.
 * <p>
 * The event is remembered by the instance that receives it only (it also drops the page from that instance's
 * {@link PageCache}); changes that other instances must see go through the database (a post's version, a thread's
 * revision), as comments and posts do.
 */
public record PageChanged(String pagePath) {
}

package org.hearth.web.transfer;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.blog.post.Post;
import org.hearth.blog.transfer.OldAddress;
import org.hearth.web.post.PostPermalinks;

/** Where the addresses a site had before it moved to Hearth lead now. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OldAddressBook {

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager em;

    private volatile Boolean any;

    /**
     * The path (inside the application) that now stands at this normalized old address, or empty when there is none
     * or it leads to a post readers cannot see.
     */
    public Optional<String> target(String address) {
        if (Boolean.FALSE.equals(any)) {
            return Optional.empty();
        }
        if (any == null) {
            any = em.createNamedQuery("OldAddress.count", Long.class).getSingleResult() > 0;
            if (!any) {
                return Optional.empty();
            }
        }
        var old = em.find(OldAddress.class, address);
        if (old == null) {
            return Optional.empty();
        }
        return switch (old.getKind()) {
            case TAG -> Optional.of("/tags/" + old.getTag());
            case FEED -> Optional.of(old.getTag() == null ? "/feeds/posts.rss" : "/feeds/tags/" + old.getTag() + ".rss");
            case POST, POST_FEED -> Optional.ofNullable(em.find(Post.class, old.getPostId()))
                    .filter(post -> post.isVisibleAt(Instant.now()))
                    .map(post -> old.getKind() == OldAddress.Kind.POST ? PostPermalinks.path(post)
                            : "/feeds/comments/" + post.getSlug() + ".atom");
        };
    }

    /** Asks the database again whether there are old addresses (after an import). */
    public void forget() {
        any = null;
    }
}

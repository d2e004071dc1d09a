package org.hearth.web.comments;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hearth.blog.post.PostService;
import org.hearth.blog.team.TeamService;
import org.hearth.web.Messages;
import org.hearth.web.language.ReaderLanguages;
import org.hearth.web.post.PostPermalinks;
import org.hearth.comments.host.CommentPosted;
import org.hearth.comments.host.CommentThreads;
import org.hearth.comments.host.Moderation;
import org.hearth.comments.host.ThreadSummary;
import org.hearth.comments.host.WidgetMail;

/**
 * Tells a post's author by e-mail about each new comment awaiting moderation on their post, when they gave an address
 * and keep this on (console home page). The e-mail is queued after the comment is stored, in a transaction of its own
 * (the comment's has ended: Narayana refuses to let services join it); failing here never touches the comment. It is
 * written in the site's language.
 */
@ApplicationScoped
public class PendingCommentMail {

    private static final Logger LOG = Logger.getLogger(PendingCommentMail.class.getName());

    @Inject
    private PostService posts;

    @Inject
    private TeamService team;

    @Inject
    private Moderation moderation;

    @Inject
    private CommentThreads threads;

    @Inject
    private WidgetMail outbox;

    @Inject
    private ReaderLanguages languages;

    @Inject
    private PendingCommentMail self;

    void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentPosted event) {
        if (event.approved()) {
            return;
        }
        try {
            self.queue(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not queue the moderation e-mail for comment " + event.commentId(), e);
        }
    }

    /** Queues the e-mail about this pending comment, when its post's author wants one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void queue(CommentPosted event) {
        var postId = PostPermalinks.postId(event.threadKey());
        var post = postId.isPresent() ? posts.find(postId.getAsLong()).orElse(null) : null;
        var comment = moderation.comment(event.commentId()).orElse(null);
        if (post == null || comment == null) {
            return;
        }
        var member = team.findByAuthor(post.getAuthor().getId()).filter(m -> m.isActive() && m.getEmail() != null && m.isNotifyPending());
        if (member.isEmpty()) {
            return;
        }
        var url = threads.find(event.threadKey()).map(ThreadSummary::url).orElse("");
        var at = url.indexOf("/posts/");
        var console = at < 0 ? "" : url.substring(0, at) + "/console/moderation/index.xhtml";
        var language = languages.site();
        var name = comment.authorName();
        outbox.queue("pending:" + event.commentId(), member.get().getEmail(),
                Messages.text(language, "mail.pending.subject", name, post.getTitle()),
                Messages.text(language, "mail.pending.body", name, post.getTitle(), comment.markdown().strip(), console));
    }
}

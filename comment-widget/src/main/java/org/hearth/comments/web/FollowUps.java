package org.hearth.comments.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.config.SiteOrigins;
import org.hearth.comments.notify.AddressConfirmations;
import org.hearth.comments.notify.ReplyNotifications;
import org.hearth.comments.security.Visitors;

/**
 * What follows a reader's new comment, whichever endpoint took it (the discussion's forms or the JSON API): the browser
 * keeps proof of writing it, reply notifications start when asked for, and an unconfirmed address is offered its
 * confirmation e-mail.
 */
@ApplicationScoped
public class FollowUps {

    /**
     * @param ownerToken what proves the reader wrote the comment (also kept in the own-comments cookie)
     * @param notifying  whether replies will be e-mailed
     */
    public record Done(String ownerToken, boolean notifying) {
    }

    @Inject
    private Visitors visitors;

    @Inject
    private SiteOrigins origins;

    @Inject
    private ReplyNotifications notifications;

    @Inject
    private AddressConfirmations confirmations;

    /** Carries out the follow-ups of {@code stored}, just posted in this request; {@code notify}: the reader asked for reply e-mails. */
    public Done of(Comment stored, boolean notify, HttpServletRequest request, HttpServletResponse response) {
        var token = visitors.rememberOwn(request, response, stored.getId());
        var site = origins.base(request);
        var notifying = notify && notifications.subscribe(stored.getId(), site);
        confirmations.offer(stored, site);
        return new Done(token, notifying);
    }
}

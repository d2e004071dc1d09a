package org.hearth.web.console;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.comments.comment.InvalidCommentException;
import org.hearth.comments.inbox.Inbox;
import org.hearth.web.Messages;
import org.hearth.web.comments.BlogTeam;
import org.hearth.web.signin.SignedInMember;

/**
 * The inbox ({@code /console/inbox/}): readers' comments no team member has answered yet, oldest first; answer in
 * place (the reply is published with the Author or Team badge) or dismiss with "no reply needed".
 */
@Named
@RequestScoped
public class InboxPage {

    private static final int MAX = 200;

    @Inject
    private Inbox inbox;

    @Inject
    private FacesContext faces;

    @Inject
    private SignedInMember member;

    @Inject
    private BlogTeam blogTeam;

    @Inject
    private Messages messages;

    private List<Inbox.Item> items;
    private Long failedId;

    /** Runs before rendering, also on postback: carries out the reply or dismissal, then redirects. */
    public void act() throws IOException {
        var decision = Decision.of(faces);
        if (decision.isEmpty() || decision.get().id().isEmpty()) {
            return;
        }
        long id = decision.get().id().get();
        switch (decision.get().verb()) {
            case "REPLY" -> {
                var body = faces.getExternalContext().getRequestParameterMap().get("reply-" + id);
                try {
                    var threadKey = inbox.unanswered(MAX).stream().filter(i -> i.comment().getId() == id).findFirst()
                            .map(i -> i.thread().getKey()).orElse("");
                    var reply = inbox.reply(id, blogTeam.member(member.require(), threadKey), body);
                    messages.flashInfo("inbox.replied", reply.getId());
                } catch (InvalidCommentException e) {
                    failedId = id;
                    messages.plainError("reply-" + id, e.getMessage());
                    return;
                }
            }
            case "DISMISS" -> {
                try {
                    inbox.dismiss(id, member.getName());
                } catch (IllegalArgumentException e) {
                    messages.error(null, "moderation.gone");
                    return;
                }
                messages.flashInfo("inbox.dismissed");
            }
            default -> {
                return;
            }
        }
        var external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/console/inbox/index.xhtml");
    }

    public List<Inbox.Item> getItems() {
        if (items == null) {
            items = inbox.unanswered(MAX);
        }
        return items;
    }

    /** The comment whose reply was refused (its form keeps the text and shows the message). */
    public Long getFailedId() {
        return failedId;
    }

    public String submittedReply(long id) {
        return faces.getExternalContext().getRequestParameterMap().getOrDefault("reply-" + id, "");
    }
}

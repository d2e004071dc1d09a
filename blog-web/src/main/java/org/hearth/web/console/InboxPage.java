package org.hearth.web.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.host.Refusals;
import org.hearth.comments.host.TeamInbox;
import org.hearth.web.Messages;
import org.hearth.web.signin.SignedInMember;

/**
 * The inbox ({@code /console/inbox/}): readers' comments no team member has answered yet, oldest first; answer in
 * place (the reply is published with the Author or Team badge) or dismiss with "no reply needed"; all of them, or only
 * first comments (the first-timers to welcome).
 */
@Named
@RequestScoped
public class InboxPage {

    private static final int PAGE_SIZE = 50;

    @Inject
    private TeamInbox inbox;

    @Inject
    private FacesContext faces;

    @Inject
    private Refusals refusals;

    @Inject
    private SignedInMember member;

    @Inject
    private Messages messages;

    private List<TeamInbox.Item> items;
    private Long failedId;
    private String post;
    private int page;
    private boolean first;
    private Long count;

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
                    messages.flashInfo("inbox.replied", inbox.reply(id, body));
                } catch (InvalidCommentException e) {
                    failedId = id;
                    messages.plainError("reply-" + id, refusals.text(e, faces.getViewRoot().getLocale()));
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
        external.redirect(external.getRequestContextPath() + "/console/inbox/index.xhtml"
                + (post == null ? (first ? "?first=true" : "") : query(post, 0)));
    }

    public List<TeamInbox.Item> getItems() {
        if (items == null) {
            items = inbox.unanswered(post, first, page * PAGE_SIZE, PAGE_SIZE);
        }
        return items;
    }

    /** How many comments wait, in the thread shown or in all. */
    public long getCount() {
        if (count == null) {
            count = first ? inbox.countFirstTimers(post) : inbox.count(post);
        }
        return count;
    }

    public boolean isOlderPages() {
        return page > 0;
    }

    public boolean isNewerPages() {
        return (long) (page + 1) * PAGE_SIZE < getCount();
    }

    /** The query string narrowing the inbox to this thread (and page). */
    public String query(String threadKey, int toPage) {
        return "?post=" + URLEncoder.encode(threadKey == null ? "" : threadKey, StandardCharsets.UTF_8) + (toPage > 0 ? "&page=" + toPage : "")
                + (first ? "&first=true" : "");
    }

    /** The thread key the inbox is narrowed to, or null for all. */
    public String getPost() {
        return post;
    }

    public void setPost(String post) {
        this.post = post == null || post.isBlank() ? null : post;
    }

    /** Whether only first comments are shown: the first-timers to welcome. */
    public boolean isFirst() {
        return first;
    }

    public void setFirst(boolean first) {
        this.first = first;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }

    /** The comment whose reply was refused (its form keeps the text and shows the message). */
    public Long getFailedId() {
        return failedId;
    }

    public String submittedReply(long id) {
        return faces.getExternalContext().getRequestParameterMap().getOrDefault("reply-" + id, "");
    }
}

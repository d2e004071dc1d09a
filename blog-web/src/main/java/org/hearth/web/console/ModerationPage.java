package org.hearth.web.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;

import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.host.Moderation;
import org.hearth.comments.host.Refusals;
import org.hearth.comments.host.ModerationAction;
import org.hearth.comments.host.TeamInbox;
import org.hearth.comments.host.TrustedCommenter;

/**
 * The moderation queue ({@code /console/moderation/}): pending, spam or all comments grouped by post, oldest first, in
 * pages of {@value #PAGE_SIZE} (for all posts or narrowed to one); a decision on one comment or on the selected ones
 * (each only if still as the moderator saw it; the others are reported), a deletion after a confirmation step, approve
 * and reply in one, with a reason kept for the record (a ban goes on to {@link BanPage}, which asks for its terms and a confirmation);
 * trusted commenters and revoking their trust.
 */
@Named
@RequestScoped
public class ModerationPage extends ModeratorPage {

    static final int PAGE_SIZE = 50;

    /** The parameter that confirms a deletion (the first press of Delete asks, the second deletes). */
    static final String CONFIRMED = "confirmed";

    @Inject
    private TeamInbox inbox;

    @Inject
    private Refusals refusals;

    private String filter = "pending";
    private String post;
    private int page = 1;
    private List<Moderation.QueueGroup> groups;
    private Long count;
    private List<Long> confirming;

    /** Runs before rendering, also on postback: carries out the decision of the button pressed, then redirects. */
    public void act() throws IOException {
        var decision = Decision.of(faces);
        if (decision.isEmpty()) {
            return;
        }
        var params = faces.getExternalContext().getRequestParameterValuesMap();
        var reason = faces.getExternalContext().getRequestParameterMap().get("reason");
        if (reason != null && reason.strip().length() > ModerationAction.REASON_MAX) {
            messages.error(null, "moderation.reason.tooLong", ModerationAction.REASON_MAX);
            return;
        }
        var verb = decision.get().verb();
        if (verb.equals("REVOKE")) {
            moderation.revokeTrust(decision.get().target(), member.getName());
            messages.flashInfo("moderation.revoked");
            redirectToQueue();
            return;
        }
        ModerationAction action;
        try {
            action = verb.equals("REPLY") ? ModerationAction.APPROVE : ModerationAction.valueOf(verb);
        } catch (IllegalArgumentException e) {
            return;
        }
        if (action == ModerationAction.BAN) {
            // A ban asks for its scope, reason and expiry, and a confirmation, on a page of its own.
            if (decision.get().id().isEmpty()) {
                messages.error(null, "moderation.banOne");
                return;
            }
            redirect("/console/bans/new.xhtml?comment=" + decision.get().id().get());
            return;
        }
        List<Long> ids;
        if (decision.get().target().equals("selected")) {
            ids = Arrays.stream(params.getOrDefault("ids", new String[0])).map(this::parse).filter(id -> id > 0).distinct().limit(PAGE_SIZE).toList();
            if (ids.isEmpty()) {
                messages.error(null, "moderation.noneSelected");
                return;
            }
        } else {
            ids = decision.get().id().stream().toList();
        }
        if (action == ModerationAction.DELETE && !"yes".equals(external().getRequestParameterMap().get(CONFIRMED))) {
            confirming = ids;
            return;
        }
        var replyTo = verb.equals("REPLY") ? ids.getFirst() : null;
        var reply = replyTo == null ? null : external().getRequestParameterMap().getOrDefault("reply-" + replyTo, "");
        if (replyTo != null && reply.isBlank()) {
            messages.error(null, "moderation.reply.empty");
            return;
        }
        Moderation.Outcome outcome;
        try {
            outcome = moderation.decideAsSeen(seen(ids), action, reason, member.getName());
            if (replyTo != null && outcome.decided().contains(replyTo)) {
                inbox.reply(replyTo, reply);
            }
        } catch (InvalidCommentException e) {
            messages.plainError(null, refusals.text(e, faces.getViewRoot().getLocale()));
            return;
        } catch (OptimisticLockException | TransactionalException e) {
            messages.error(null, "moderation.sameMoment");
            return;
        }
        if (!outcome.decided().isEmpty()) {
            messages.flashInfo(replyTo != null ? "moderation.done.reply" : "moderation.done." + action.name().toLowerCase(Locale.ROOT), outcome.decided().size());
        }
        if (!outcome.changedMeanwhile().isEmpty()) {
            messages.flashInfo("moderation.changedMeanwhile", outcome.changedMeanwhile().size());
        }
        redirectToQueue();
    }

    /** The status each comment was shown in ({@code seen-<id>}); a comment without one is taken as changed meanwhile. */
    private Map<Long, CommentStatus> seen(List<Long> ids) {
        var shown = new HashMap<Long, CommentStatus>();
        for (var id : ids) {
            var status = external().getRequestParameterMap().get("seen-" + id);
            shown.put(id, Arrays.stream(CommentStatus.values()).filter(s -> s.apiName().equals(status)).findFirst().orElse(null));
        }
        return shown;
    }

    private jakarta.faces.context.ExternalContext external() {
        return faces.getExternalContext();
    }

    /** Whether the page asks to confirm a deletion (instead of showing the queue). */
    public boolean isConfirming() {
        return confirming != null;
    }

    /** The comments a deletion waits to be confirmed for, as the queue shows them (those on the page shown). */
    public List<Moderation.QueueItem> getConfirmingItems() {
        return getGroups().stream().flatMap(g -> g.items().stream()).filter(i -> confirming.contains(i.comment().id())).toList();
    }

    /** How many comments a deletion waits to be confirmed for. */
    public int getConfirmingCount() {
        return confirming.size();
    }

    /** The reason typed before the confirmation step, carried through it. */
    public String getReason() {
        return external().getRequestParameterMap().getOrDefault("reason", "");
    }

    private long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void redirectToQueue() throws IOException {
        redirect("/console/moderation/index.xhtml" + query(filter, post, getPage()));
    }

    private Moderation.Filter queueFilter() {
        return Moderation.Filter.valueOf(filter.toUpperCase(Locale.ROOT));
    }

    /** The comments of the page shown, grouped by post. */
    public List<Moderation.QueueGroup> getGroups() {
        if (groups == null) {
            groups = moderation.queue(queueFilter(), post, (getPage() - 1) * PAGE_SIZE, PAGE_SIZE);
        }
        return groups;
    }

    /** How many comments the filter finds, on all pages (in the post shown, or in all). */
    public long getCount() {
        if (count == null) {
            count = moderation.count(queueFilter(), post);
        }
        return count;
    }

    public int getLastPage() {
        return (int) Math.max(1, (getCount() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The page shown, from 1; a page beyond the last (its comments were all decided) shows the last. */
    public int getPage() {
        return Math.min(page, getLastPage());
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
        forget();
    }

    /** The query string of this filter, post (null or empty: all) and page. */
    public String query(String filter, String post, int page) {
        return "?filter=" + filter + (post == null || post.isEmpty() ? "" : "&post=" + URLEncoder.encode(post, StandardCharsets.UTF_8))
                + (page > 1 ? "&page=" + page : "");
    }

    /** The thread key the queue is narrowed to, or null for all posts. */
    public String getPost() {
        return post;
    }

    public void setPost(String post) {
        this.post = post == null || post.isBlank() ? null : post;
        forget();
    }

    /** View parameters arrive after the form is decoded on a postback: nothing read before them is kept. */
    private void forget() {
        groups = null;
        count = null;
    }

    public List<TrustedCommenter> getTrusted() {
        return moderation.trusted(50);
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter != null && List.of("pending", "spam", "all").contains(filter) ? filter : "pending";
        forget();
    }
}

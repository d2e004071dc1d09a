package org.hearth.web.console;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.comments.moderation.ModerationAction;
import org.hearth.comments.moderation.ModerationQueue;
import org.hearth.comments.moderation.ModerationRecord;
import org.hearth.web.Messages;
import org.hearth.web.signin.SignedInMember;

/**
 * The moderation queue ({@code /console/moderation/}): pending, spam or all comments grouped by post, oldest first; a
 * decision on one comment or on the selected ones, with a reason kept for the record; trusted commenters and revoking
 * their trust.
 */
@Named
@RequestScoped
public class ModerationPage {

    private static final int MAX = 300;

    @Inject
    private ModerationQueue queue;

    @Inject
    private FacesContext faces;

    @Inject
    private SignedInMember member;

    @Inject
    private Messages messages;

    private String filter = "pending";
    private List<ModerationQueue.Group> groups;

    /** Runs before rendering, also on postback: carries out the decision of the button pressed, then redirects. */
    public void act() throws IOException {
        var decision = Decision.of(faces);
        if (decision.isEmpty()) {
            return;
        }
        var params = faces.getExternalContext().getRequestParameterValuesMap();
        var reason = faces.getExternalContext().getRequestParameterMap().get("reason");
        if (reason != null && reason.strip().length() > ModerationRecord.REASON_MAX) {
            messages.error(null, "moderation.reason.tooLong", ModerationRecord.REASON_MAX);
            return;
        }
        var verb = decision.get().verb();
        if (verb.equals("REVOKE")) {
            queue.revokeTrust(decision.get().target(), member.getName());
            messages.flashInfo("moderation.revoked");
            redirect();
            return;
        }
        ModerationAction action;
        try {
            action = ModerationAction.valueOf(verb);
        } catch (IllegalArgumentException e) {
            return;
        }
        List<Long> ids;
        if (decision.get().target().equals("selected")) {
            ids = Arrays.stream(params.getOrDefault("ids", new String[0])).map(this::parse).filter(id -> id > 0).toList();
            if (ids.isEmpty()) {
                messages.error(null, "moderation.noneSelected");
                return;
            }
        } else {
            ids = decision.get().id().stream().toList();
        }
        try {
            queue.decide(ids, action, reason, member.getName());
        } catch (IllegalArgumentException e) {
            messages.error(null, "moderation.gone");
            return;
        }
        messages.flashInfo("moderation.done." + action.name().toLowerCase(Locale.ROOT), ids.size());
        redirect();
    }

    private long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void redirect() throws IOException {
        var external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/console/moderation/index.xhtml?filter=" + filter);
    }

    public List<ModerationQueue.Group> getGroups() {
        if (groups == null) {
            groups = queue.list(ModerationQueue.Filter.valueOf(filter.toUpperCase(Locale.ROOT)), MAX);
        }
        return groups;
    }

    public List<ModerationQueue.TrustedCommenter> getTrusted() {
        return queue.trusted(50);
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter != null && List.of("pending", "spam", "all").contains(filter) ? filter : "pending";
    }
}

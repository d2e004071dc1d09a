package org.hearth.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.comments.host.Moderation;
import org.hearth.comments.host.TeamInbox;
import org.hearth.web.Messages;

/**
 * The console's sections: what waits for the team, counted once per request (comments awaiting moderation, reader
 * comments awaiting a team reply, first-timers to welcome), and which section the page shown belongs to.
 */
@Named
@RequestScoped
public class ConsoleNav {

    @Inject
    private Moderation moderation;

    @Inject
    private TeamInbox inbox;

    @Inject
    private FacesContext faces;

    @Inject
    private Messages messages;

    private Long pending;
    private Long unanswered;
    private Long firstTimers;

    public long getPending() {
        if (pending == null) {
            pending = moderation.countPending();
        }
        return pending;
    }

    public long getUnanswered() {
        if (unanswered == null) {
            unanswered = inbox.count(null);
        }
        return unanswered;
    }

    public long getFirstTimers() {
        if (firstTimers == null) {
            firstTimers = inbox.countFirstTimers(null);
        }
        return firstTimers;
    }

    /** A count as a screen reader should hear it beside its section's name. */
    public String spoken(String key, long count) {
        return messages.text(key, count);
    }

    /**
     * {@code page} when the page shown is in this section ({@code /console/inbox/}), or is this page; a section path
     * with {@code ?name} is current only with that query parameter, and one without it only without.
     */
    public String current(String section) {
        var request = faces.getExternalContext();
        var path = request.getRequestServletPath();
        var at = section.indexOf('?');
        var sectionPath = at < 0 ? section : section.substring(0, at);
        var wanted = at < 0 ? null : section.substring(at + 1);
        var params = request.getRequestParameterMap();
        boolean inSection = sectionPath.endsWith("/") ? path.startsWith(sectionPath) : path.equals(sectionPath);
        boolean queryMatches = wanted == null ? !params.containsKey("first") : params.containsKey(wanted);
        return inSection && queryMatches ? "page" : "false";
    }
}

package org.hearth.web.console;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.hearth.comments.host.BanRecord;

/**
 * The bans ({@code /console/bans/}): those in force, newest first, each with whom and what it was about (the banned
 * comment's author name and an excerpt; never an address), what it covers, the reason, who banned and when, and when it
 * expires, with an "Unban" button; below, the bans that ended (expired or lifted). Banning starts from a comment (see
 * {@link BanPage}).
 */
@Named
@RequestScoped
public class BansPage extends ModeratorPage {

    private static final int MAX = 200;

    private List<BanRecord> active;
    private List<BanRecord> ended;

    /** Runs before rendering, also on postback: lifts the ban of the button pressed, then redirects. */
    public void act() throws IOException {
        unban("/console/bans/index.xhtml");
    }

    public List<BanRecord> getActive() {
        if (active == null) {
            active = moderation.activeBans(MAX);
        }
        return active;
    }

    public List<BanRecord> getEnded() {
        if (ended == null) {
            ended = moderation.endedBans(50);
        }
        return ended;
    }
}

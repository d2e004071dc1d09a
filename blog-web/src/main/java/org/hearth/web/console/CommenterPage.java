package org.hearth.web.console;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.comments.host.CommenterProfiles;
import org.hearth.web.search.Highlighter;

/**
 * A commenter's profile ({@code /console/moderation/commenter.xhtml?comment=ID}, the writer of that comment): their
 * comments, first seen, trusted or not, how fast the team answered them; banning goes on to {@link BanPage}, lifting a
 * ban in force happens here.
 */
@Named
@RequestScoped
public class CommenterPage extends ModeratorPage {

    static final int SNIPPET_LENGTH = 200;

    @Inject
    private CommenterProfiles profiles;

    private long comment;
    private Optional<CommenterProfiles.Profile> profile;

    /** Runs before rendering, also on postback: lifts the ban of the button pressed, then redirects. */
    public void act() throws IOException {
        unban("/console/moderation/commenter.xhtml?comment=" + comment);
    }

    public long getComment() {
        return comment;
    }

    public void setComment(long comment) {
        this.comment = comment;
        profile = null;
    }

    /** The profile of the writer of the comment named, or null when there is no such comment. */
    public CommenterProfiles.Profile getProfile() {
        if (profile == null) {
            profile = profiles.ofWriterOf(comment);
        }
        return profile.orElse(null);
    }

    /** The start of a comment's text, as escaped HTML. */
    public String snippet(String text) {
        return new Highlighter(java.util.List.of()).snippet(text, SNIPPET_LENGTH);
    }
}

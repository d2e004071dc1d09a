package org.hearth.web.console;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import org.hearth.comments.host.BanScope;
import org.hearth.comments.host.ModeratedComment;
import org.hearth.comments.host.ModerationAction;
import org.hearth.web.listing.Listings;

/**
 * Banning the writer of a comment ({@code /console/bans/new.xhtml?comment=ID}), in two steps that work without
 * JavaScript: the moderator chooses what to ban (the comment's e-mail address, its network address or both), a reason
 * and an expiry, then reviews a summary and confirms; only the confirmation bans (and marks the comment as spam). The
 * e-mail address is never shown: the comment's author name and an excerpt say whom the ban is about.
 * <p>
 * Expiry "standard" follows {@link BanScope#defaultExpiry()}: a ban that covers a network address lasts 7 days (an
 * address may be shared, or someone else's tomorrow), a ban of an e-mail address alone lasts until lifted.
 */
@Named
@RequestScoped
public class BanPage extends ModeratorPage {

    /** The expiries offered: the scope's standard, a number of days, or never. */
    static final List<String> EXPIRIES = List.of("standard", "1", "7", "30", "365", "never");

    private Long commentId;
    private ModeratedComment comment;
    private String scope;
    private String reason = "";
    private String expiry = "standard";
    private boolean reviewing;

    /**
     * Runs before rendering, also on postback: a comment that does not exist is a 404; "review" shows the summary,
     * "change" goes back to the choices, "ban" bans and redirects to the list of bans.
     */
    public void act() throws IOException {
        var decision = Decision.of(faces);
        decision.flatMap(Decision::id).filter(id -> !id.equals(commentId)).ifPresent(id -> {
            commentId = id; // the button names the comment, whatever the view parameter says
            comment = null;
        });
        if (getComment() == null) {
            Listings.notFound(faces);
            return;
        }
        switch (decision.map(Decision::verb).orElse("")) {
            case "REVIEW" -> reviewing = isValid();
            case "CHANGE" -> takeReviewedChoices();
            case "BAN" -> {
                takeReviewedChoices();
                if (isValid()) {
                    ban();
                }
            }
            default -> {
                // the first view, or an unknown button: the choices
            }
        }
    }

    /** The choices the summary carried in its hidden fields. */
    private void takeReviewedChoices() {
        var params = faces.getExternalContext().getRequestParameterMap();
        scope = params.get("scope");
        reason = params.getOrDefault("reason", "");
        expiry = params.getOrDefault("expiry", "standard");
    }

    private void ban() throws IOException {
        try {
            moderation.ban(comment.id(), chosenScope(), getExpiresAt(), reason, member.getName());
        } catch (IllegalArgumentException e) {
            messages.error(null, "moderation.gone");
            return;
        }
        messages.flashInfo("bans.done", comment.authorName());
        redirect("/console/bans/index.xhtml");
    }

    private boolean isValid() {
        if (!EXPIRIES.contains(expiry)) {
            messages.error(null, "bans.expiry.invalid");
            return false;
        }
        if (reason != null && reason.strip().length() > ModerationAction.REASON_MAX) {
            messages.error(null, "moderation.reason.tooLong", ModerationAction.REASON_MAX);
            return false;
        }
        var chosen = scopeOf(scope);
        if (chosen.isEmpty()) {
            messages.error(null, "bans.scope.required");
            return false;
        }
        if (chosen.get().coversEmail() && !isWithEmail()) {
            messages.error(null, "bans.scope.noEmail");
            return false;
        }
        return true;
    }

    private static Optional<BanScope> scopeOf(String value) {
        try {
            return Optional.of(BanScope.valueOf(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private BanScope chosenScope() {
        return scopeOf(getScope()).orElseThrow();
    }

    /** When the chosen ban ends, counted from now, or null when it lasts until lifted (or nothing valid is chosen yet). */
    public Instant getExpiresAt() {
        var chosen = scopeOf(getScope());
        if (chosen.isEmpty() || !EXPIRIES.contains(expiry)) {
            return null;
        }
        var length = switch (expiry) {
            case "standard" -> chosen.get().defaultExpiry();
            case "never" -> Optional.<Duration>empty();
            default -> Optional.of(Duration.ofDays(Long.parseLong(expiry)));
        };
        return length.map(Instant.now()::plus).orElse(null);
    }

    /**
     * The comment whose writer is banned, or null when there is none with this id. On a postback the button names it
     * (the view parameter is set only after the choices were validated against it).
     */
    public ModeratedComment getComment() {
        if (commentId == null) {
            commentId = Decision.of(faces).flatMap(Decision::id).orElse(null);
        }
        if (comment == null && commentId != null) {
            comment = moderation.comment(commentId).orElse(null);
        }
        return comment;
    }

    /** Whether the comment came with an e-mail address (which can then be banned). */
    public boolean isWithEmail() {
        return getComment() != null && comment.withEmail();
    }

    public Long getCommentId() {
        return commentId;
    }

    public void setCommentId(Long commentId) {
        this.commentId = commentId;
    }

    /** The scope chosen, by default both addresses (the network address alone when the comment has no e-mail). */
    public String getScope() {
        return scope != null ? scope : isWithEmail() ? BanScope.BOTH.name() : BanScope.ADDRESS.name();
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public List<BanScope> getScopes() {
        return List.of(BanScope.values());
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason == null ? "" : reason;
    }

    public String getExpiry() {
        return expiry;
    }

    public void setExpiry(String expiry) {
        this.expiry = expiry;
    }

    public List<String> getExpiries() {
        return EXPIRIES;
    }

    /** Whether the page shows the summary to confirm rather than the choices. */
    public boolean isReviewing() {
        return reviewing;
    }
}

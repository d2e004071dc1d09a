package org.hearth.comments.comment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hearth.comments.security.Hashes;
import org.hearth.comments.host.TeamMember;
import org.hearth.comments.host.Badge;
import org.hearth.comments.host.InvalidCommentException;

/**
 * Who writes a comment, checked: a name of 1 to {@value Comment#NAME_MAX} characters (plain text, never markup; kept
 * as {@link TextRules#normalizeName} gives it), an optional e-mail address (never shown; kept for reply notifications,
 * and its fingerprint recognises trusted commenters), an optional {@code http}/{@code https} website, and a badge only
 * when a signed-in team member writes. No field takes text {@link TextRules#requireStorable} refuses.
 */
public record CommentAuthor(String name, String email, String emailHash, String website, Badge badge) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * A guest, from what they typed.
     *
     * @throws InvalidCommentException naming {@code name}, {@code email} or {@code website} when one breaks its rule
     */
    public static CommentAuthor guest(String name, String email, String website) {
        return new CommentAuthor(requireName(name), optionalEmail(email), emailHash(email), optionalWebsite(website), null);
    }

    /** A signed-in team member: their own name and badge, whatever was typed in the name field. */
    public static CommentAuthor team(TeamMember member, String email, String website) {
        return new CommentAuthor(requireName(member.name()), optionalEmail(email), emailHash(email), optionalWebsite(website), member.badge());
    }

    /** The name as stored and shown ({@link TextRules#normalizeName}), checked. */
    static String requireName(String name) {
        var text = TextRules.normalizeName(TextRules.requireStorable("name", name == null ? "" : name));
        if (text.isEmpty()) {
            if (name == null || name.isBlank()) {
                throw new InvalidCommentException("name", "blank", "Please tell us your name.");
            }
            throw new InvalidCommentException("name", "invisible", "This name has no visible characters; please type a name people can read.");
        }
        if (text.length() > Comment.NAME_MAX) {
            throw new InvalidCommentException("name", "too-long", "A name can be at most " + Comment.NAME_MAX + " characters long.");
        }
        return text;
    }

    private static String optionalEmail(String email) {
        if (TextRules.requireStorable("email", email) == null || email.isBlank()) {
            return null;
        }
        var text = email.strip();
        if (text.length() > Comment.EMAIL_MAX || !EMAIL.matcher(text).matches()) {
            throw new InvalidCommentException("email", "invalid", "This does not look like an e-mail address (it is optional).");
        }
        return text;
    }

    /** The fingerprint of an e-mail address (case-insensitive), or null for none. */
    public static String emailHash(String email) {
        var text = optionalEmail(email);
        return text == null ? null : Hashes.sha256(text.toLowerCase(Locale.ROOT));
    }

    private static String optionalWebsite(String website) {
        if (TextRules.requireStorable("website", website) == null || website.isBlank()) {
            return null;
        }
        var text = website.strip();
        if (!text.contains("://") && !text.contains(":")) {
            text = "https://" + text;
        }
        try {
            var uri = new URI(text);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && text.length() <= Comment.WEBSITE_MAX) {
                return uri.toASCIIString();
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new InvalidCommentException("website", "invalid",
                "A website must be an http or https address of at most " + Comment.WEBSITE_MAX + " characters (it is optional).");
    }
}

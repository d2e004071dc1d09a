package org.hearth.comments.host;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.UnstorableTextException;
import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.render.Messages;

/**
 * Why the widget refused a comment, in words for people in one language: the widget's text for the refusal's field
 * and reason (with the limit it names), else the English sentence it was made with. The widget's forms use it, and so
 * does a host whose own pages post through the widget, such as a console where the team answers.
 * <pre>{@code
 * } catch (InvalidCommentException e) {
 *     showError(refusals.text(e, view.getLocale()));
 * }</pre>
 */
@ApplicationScoped
public class Refusals {

    @Inject
    private CommentSettings settings;

    /** The refusal in {@code language} (the nearest the widget speaks). */
    public String text(InvalidCommentException e, Locale language) {
        var key = key(e);
        return text(language, key, switch (key) {
            case "refused.body.rate-limit" -> settings.rateLimit();
            case "refused.id.too-late" -> settings.editMinutes();
            default -> limit(key);
        }, e.getMessage());
    }

    /** Why an import left a comment out, in {@code language} (the nearest the widget speaks); without its origin. */
    public static String text(CommentImport.Refused refused, Locale language) {
        return refused.key() == null ? refused.message() : text(language, refused.key(), refused.limit(), refused.message());
    }

    /** The widget's text for a refusal: {@code refused.}, its field and its reason, or the unstorable text's own. */
    static String key(InvalidCommentException e) {
        return e instanceof UnstorableTextException unstorable ? unstorable.messageKey() : "refused." + e.getField() + "." + e.getReason();
    }

    /** The length a refusal's text names, or 0. */
    static long limit(String key) {
        return switch (key) {
            case "refused.name.too-long" -> Comment.NAME_MAX;
            case "refused.website.invalid" -> Comment.WEBSITE_MAX;
            case "refused.body.too-long" -> Comment.BODY_MAX;
            default -> 0;
        };
    }

    private static String text(Locale language, String key, long figure, String english) {
        var messages = Messages.of(language);
        return messages.has(key) ? messages.get(key, figure) : english;
    }
}

package org.hearth.comments.render;

import static org.hearth.comments.render.Html.attribute;
import static org.hearth.comments.render.Html.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.util.ULocale;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentNode;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.host.DiscussionIds;
import org.hearth.comments.host.Languages;

/**
 * The one renderer of the widget: writes a discussion, or a part of it, as HTML into a {@link StringBuilder}. The
 * Faces tag writes a whole discussion with it, the widget's endpoint answers the parts embed.js asks for (a page of
 * comments, one comment, a form) and the pages of forms sent without JavaScript; so every page shows the same markup.
 * <p>
 * The markup: a {@code section.hc-comments} with a heading, the sort links, the comments as nested lists of
 * {@code article id="comment-{id}" data-depth="{depth}"} (a reply's element inside its parent's), "Show more", then the
 * form. Links carry only a query ({@code ?hc-reply=7#hc-form-7}), so they work on whatever page shows the discussion.
 * The discussion-wide ids carry the thread's tag ({@link DiscussionIds}): several discussions may share a page.
 * Every text a visitor typed is escaped; only the sanitized body HTML is written as is. Instances are immutable and
 * shared by every thread ({@link #of}).
 */
public final class DiscussionRenderer {

    /** The fields that show their own message; messages about anything else go into the form's summary. */
    private static final Set<String> FIELDS = Set.of("name", "email", "website", "body", "homepage");
    private static final List<String> FOCUS_ORDER = List.of("name", "email", "website", "body");
    private static final Map<Locale, DiscussionRenderer> BY_LOCALE = new ConcurrentHashMap<>();

    private final Messages msg;
    private final DateTimeFormatter absolute;
    private final DateTimeFormatter date;
    private final RelativeDateTimeFormatter ago;
    /** The language and direction attributes of the widget's outermost elements, such as {@code  lang="ar" dir="rtl"}. */
    private final String language;
    private final String[] minutesAgo = new String[60];
    private final String[] hoursAgo = new String[24];
    private final String[] daysAgo = new String[30];
    /** Full dates by minute, in the slot of the minute's number: a page rendered again finds its comments' dates. */
    private final AtomicReferenceArray<Minute> minutes = new AtomicReferenceArray<>(1024);

    private DiscussionRenderer(Messages msg) {
        this.msg = msg;
        this.absolute = (msg.locale().getLanguage().equals("en") ? DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
                : new DateTimeFormatterBuilder().appendLocalized(FormatStyle.MEDIUM, FormatStyle.SHORT).appendLiteral(" UTC").toFormatter())
                .withLocale(msg.locale()).withZone(ZoneOffset.UTC);
        this.ago = RelativeDateTimeFormatter.getInstance(ULocale.forLocale(msg.locale()));
        this.language = " lang=\"" + msg.locale().toLanguageTag() + "\" dir=\"" + Languages.direction(msg.locale()) + '"';
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(msg.locale()).withZone(ZoneOffset.UTC);
    }

    /** The renderer of the widget's strings in the language nearest to {@code locale}. */
    public static DiscussionRenderer of(Locale locale) {
        var messages = Messages.of(locale);
        return BY_LOCALE.computeIfAbsent(messages.locale(), l -> new DiscussionRenderer(messages));
    }

    /** The strings it writes. */
    public Messages messages() {
        return msg;
    }

    /** The whole discussion: heading, sort links, the page of comments, "Show more", the form. */
    public StringBuilder discussion(StringBuilder out, Discussion d) {
        var page = d.page();
        var tag = d.tag();
        out.append("<section id=\"hc-comments-").append(tag).append("\" class=\"hc-comments\"").append(language)
                .append(" aria-labelledby=\"hc-heading-").append(tag).append("\" data-hearth-thread=\"");
        attribute(out, d.threadKey()).append("\" data-hearth-api=\"");
        attribute(out, d.api()).append("\" data-hearth-sort=\"").append(d.sortName()).append("\" data-hearth-page=\"")
                .append(page.page()).append('"');
        if (d.feed() != null) {
            // Kept by embed.js when it fetches the discussion again (another order).
            out.append(" data-hearth-feed=\"");
            attribute(out, d.feed()).append('"');
        }
        out.append("><h2 id=\"hc-heading-").append(tag).append("\">");
        text(out, heading(d.approved())).append("</h2><div class=\"hc-live hc-visually-hidden\" aria-live=\"polite\"></div>");
        if (page.topLevel() > 1) {
            sortLinks(out, d);
        }
        if (page.page() > 0) {
            // Without JavaScript "Show more" opens the next page: the way back to the earlier ones.
            out.append("<p class=\"hc-more hc-earlier\"><a href=\"");
            query(out, d.sort(), page.page() - 1).append("#hc-comments-").append(tag).append("\">");
            text(out, msg.get("earlier")).append("</a></p>");
        }
        out.append("<ol class=\"hc-list\">");
        var placed = new boolean[1];
        comments(out, d, page.comments(), placed, null);
        out.append("</ol>");
        if (page.comments().isEmpty() && page.page() == 0) {
            out.append("<p class=\"hc-empty\">");
            text(out, msg.get("empty")).append("</p>");
        }
        more(out, d);
        var form = d.form();
        if (!placed[0] && form.isSubmitted() && (form.parent() != null || form.edit() != null)) {
            // A reply or correction sent back with a message, whose comment is not on this page: shown on its own.
            commentForm(out, d, form.parent(), null, form.edit());
        }
        commentForm(out, d, null, null, null);
        follow(out, d, false);
        return out.append("</section>");
    }

    /**
     * "Follow this discussion": a form asking for an e-mail address (with its message when {@link Discussion#form()}
     * was refused), or, once sent, what happens next; and the link to the thread's feed: the host's
     * ({@link Discussion#feed()}), else the widget's own ({@code /api/discussion/feed?thread=}).
     *
     * @param sent whether the request was just taken
     */
    public StringBuilder follow(StringBuilder out, Discussion d, boolean sent) {
        var id = "hc-follow-" + d.tag();
        out.append("<section class=\"hc-follow\" aria-labelledby=\"").append(id).append("-heading\"><h3 id=\"").append(id).append("-heading\">");
        text(out, msg.get("follow.heading")).append("</h3>");
        if (sent) {
            out.append("<p class=\"hc-follow-sent\" role=\"status\">");
            text(out, msg.get("follow.sent")).append("</p>");
        } else {
            var form = d.form();
            var error = form.errors().get("follow");
            out.append("<form method=\"post\" action=\"");
            attribute(out, d.api()).append("/discussion").append("\" class=\"hc-follow-form\" novalidate=\"novalidate\">");
            hidden(out, FormInput.THREAD, d.threadKey());
            hidden(out, FormInput.FORM, d.formToken());
            hidden(out, FormInput.LANGUAGE, msg.locale().toLanguageTag());
            out.append("<p id=\"").append(id).append("-hint\" class=\"hc-hint\">");
            text(out, msg.get("follow.hint")).append("</p><div class=\"hc-field\"><label for=\"").append(id).append("-email\">");
            text(out, msg.get("follow.email")).append("</label><input id=\"").append(id).append("-email\" name=\"").append(FormInput.FOLLOW)
                    .append("\" type=\"email\" maxlength=\"").append(Comment.EMAIL_MAX).append("\" autocomplete=\"email\" dir=\"auto\" required=\"required\"");
            if (error != null) {
                out.append(" value=\"");
                attribute(out, form.value(FormInput.FOLLOW)).append("\" autofocus=\"autofocus\"");
            }
            errorAttributes(out, id + "-email", error, id + "-hint");
            out.append('>');
            errorMessage(out, id + "-email", error);
            out.append("</div><p class=\"hc-buttons\">");
            button(out, "follow", msg.get("follow.button"), "hc-follow-button");
            out.append("</p></form>");
        }
        out.append("<p class=\"hc-feed\"><a href=\"");
        if (d.feed() != null) {
            attribute(out, d.feed());
        } else {
            attribute(out, d.api()).append("/discussion/feed?thread=");
            attribute(out, URLEncoder.encode(d.threadKey(), StandardCharsets.UTF_8)).append("&amp;lang=").append(msg.locale().toLanguageTag());
        }
        out.append("\" type=\"application/atom+xml\">");
        text(out, msg.get("follow.feed")).append("</a></p>");
        return out.append("</section>");
    }

    /** The comments of a page as list items, then "Show more" when there is a next page (for "Show more" itself). */
    public StringBuilder comments(StringBuilder out, Discussion d) {
        comments(out, d, d.page().comments(), new boolean[1], null);
        return more(out, d);
    }

    /** One comment as a list item, with its replies. */
    public StringBuilder comment(StringBuilder out, Discussion d, CommentNode node) {
        comment(out, d, node, new boolean[1], null);
        return out;
    }

    /**
     * What stands in a comment's element before its replies: the header, the body and the actions (or the edit form
     * when it is being corrected); for replacing a corrected comment in place.
     */
    public StringBuilder commentContent(StringBuilder out, Discussion d, CommentNode node) {
        content(out, d, node, new boolean[1], null);
        return out;
    }

    /** The smile button of a comment, with its count (for a smile given in place). */
    public StringBuilder smileButton(StringBuilder out, Comment c) {
        out.append("<button type=\"submit\" name=\"hc-smile\" value=\"").append((long) c.getId()).append("\" class=\"hc-smile\">");
        // The accessible name says the count in words ("1 smile. Smile at Maya's comment"); the digits are for the eye.
        out.append("<span aria-hidden=\"true\">\u263A </span><span class=\"hc-smile-count\" aria-hidden=\"true\">").append(c.getSmiles())
                .append("</span><span class=\"hc-visually-hidden\">");
        return msg.text(out, "smile.label", c.getSmiles(), c.getAuthorName()).append("</span></button>");
    }

    /**
     * A form: a new comment ({@code parentId} and {@code editing} null), a reply to {@code parentId}, or the correction
     * of one's own comment {@code editing} (whose id is {@code editingId}), with what {@link Discussion#form()} holds for
     * it (the text typed, messages, a preview).
     *
     * @param parentName the name of the author answered (the heading says "Reply to ...")
     */
    public StringBuilder form(StringBuilder out, Discussion d, Long parentId, String parentName, Comment editing) {
        return commentForm(out, d, parentId, parentName, editing == null ? null : editing.getId(), editing);
    }

    /**
     * The question asked before one's own comment is deleted: a form that deletes it ({@code hc-confirm=yes}) and a way
     * to keep it, with the comment's text so the reader sees what goes.
     *
     * @param keep where "Keep it" leads (without JavaScript the page the reader came from, at the comment)
     */
    public StringBuilder deleteConfirmation(StringBuilder out, Discussion d, Comment c, String keep) {
        postForm(out, d, "hc-delete-form hc-confirm-delete");
        hidden(out, FormInput.DELETE, c.getId().toString());
        return question(out, "hc-delete-question-" + c.getId(), msg.get("delete.question"), c, msg.get("delete.confirm"), keep);
    }

    /**
     * The question asked before a team member deletes a comment in the thread, or bans its writer: a form that does it
     * ({@code hc-moderate=delete} or {@code ban}, {@code hc-confirm=yes}) and a way to keep it, with the comment's text.
     *
     * @param action     {@code delete} or {@code ban}
     * @param banDays    how long a ban lasts, in days (said in the question about a ban)
     * @param next       the comment shown after it (where the page returns to once it is gone), or null
     * @param keep       where "Keep it" leads (without JavaScript the page the team member came from, at the comment)
     */
    public StringBuilder moderationQuestion(StringBuilder out, Discussion d, Comment c, String action, long banDays, Long next, String keep) {
        moderationForm(out, d, c, "hc-moderate-form hc-confirm-delete", next);
        hidden(out, FormInput.MODERATE, action);
        return question(out, "hc-moderate-question-" + c.getId(), msg.get("moderate." + action + ".question", c.getAuthorName(), banDays),
                c, msg.get("moderate." + action + ".confirm"), keep);
    }

    /** A message about a team member's decision that could not be carried out (taken meanwhile, or refused). */
    public StringBuilder moderationNote(StringBuilder out, String message) {
        out.append("<p class=\"hc-moderation-note\" role=\"alert\">");
        return text(out, message).append("</p>");
    }

    private StringBuilder question(StringBuilder out, String questionId, String question, Comment c, String confirm, String keep) {
        var at = keep.indexOf('#');
        if (at != 0) {
            // On a page of its own (without JavaScript) the answer leads back to the page the question came from.
            hidden(out, FormInput.RETURN, at < 0 ? keep : keep.substring(0, at));
        }
        out.append("<p id=\"").append(questionId).append("\" class=\"hc-question\" role=\"alert\">");
        text(out, question).append("</p><blockquote class=\"hc-body\" dir=\"auto\">").append(c.getHtml()).append("</blockquote>")
                .append("<p class=\"hc-buttons\"><button type=\"submit\" name=\"").append(FormInput.CONFIRM)
                .append("\" value=\"yes\" class=\"hc-delete hc-danger\" aria-describedby=\"").append(questionId).append("\">");
        text(out, confirm).append("</button><a class=\"hc-keep\" href=\"");
        attribute(out, keep).append("\">");
        return text(out, msg.get("delete.keep")).append("</a></p></form>");
    }

    /** A short message for a screen reader's live region ({@code p.hc-announce}, read and removed by the script). */
    public StringBuilder announcement(StringBuilder out, String message) {
        out.append("<p class=\"hc-announce\">");
        return text(out, message).append("</p>");
    }

    /**
     * The discussion's heading as it reads now ({@code p.hc-count}, hidden): the script puts it in the heading after an
     * in-place change of the thread and says it in the same announcement.
     *
     * @param approved the thread's approved comments
     */
    public StringBuilder count(StringBuilder out, long approved) {
        out.append("<p class=\"hc-count\" hidden=\"hidden\">");
        return text(out, heading(approved)).append("</p>");
    }

    /** The placeholder of a removed comment. */
    public StringBuilder removed(StringBuilder out) {
        out.append("<p class=\"hc-removed\">");
        return text(out, msg.get("removed")).append("</p>");
    }

    /** A message in place of the discussion (e.g. for a page that may not show it). */
    public StringBuilder notice(StringBuilder out, String message) {
        out.append("<section class=\"hc-comments\"").append(language).append("><p class=\"hc-notice\" role=\"alert\">");
        return text(out, message).append("</p></section>");
    }

    /**
     * A whole HTML page around {@code content}: the answer to a form sent without JavaScript that needs the reader again
     * (a message, a preview), with a link back to the page they came from.
     *
     * @param stylesheet the address of {@code comments.css}
     * @param back       the page to go back to, or null
     */
    public StringBuilder page(StringBuilder out, String title, String stylesheet, String back, CharSequence content) {
        out.append("<!DOCTYPE html><html").append(language).append("><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
        text(out, title).append("</title><link rel=\"stylesheet\" href=\"");
        attribute(out, stylesheet).append("\"></head><body class=\"hc-page\"><main>");
        if (back != null) {
            out.append("<p><a class=\"hc-back\" href=\"");
            attribute(out, back).append("\">");
            text(out, msg.get("page.back")).append("</a></p>");
        }
        return out.append(content).append("</main></body></html>");
    }

    private String heading(long count) {
        return msg.get("heading", count);
    }

    private void sortLinks(StringBuilder out, Discussion d) {
        out.append("<nav class=\"hc-sort\" aria-label=\"");
        attribute(out, msg.get("sort.label")).append("\">");
        var tag = d.tag();
        for (var sort : CommentService.Sort.values()) {
            var name = sort.name().toLowerCase(Locale.ROOT);
            out.append("<a href=\"");
            query(out, sort, 0).append("#hc-comments-").append(tag).append("\" data-hearth-sort=\"").append(name).append('"');
            if (sort == d.sort()) {
                out.append(" aria-current=\"true\"");
            }
            out.append('>');
            text(out, msg.get("sort." + name)).append("</a>");
        }
        out.append("</nav>");
    }

    private StringBuilder more(StringBuilder out, Discussion d) {
        if (d.page().hasMore()) {
            int next = d.page().page() + 1;
            out.append("<p class=\"hc-more\"><a href=\"");
            query(out, d.sort(), next).append("#hc-comments-").append(d.tag()).append("\" data-hearth-more=\"").append(next).append("\">");
            text(out, msg.get("more")).append("</a></p>");
        }
        return out;
    }

    /** A query-only link: the page showing the discussion, at this sort and page, as an attribute value. */
    private static StringBuilder query(StringBuilder out, CommentService.Sort sort, int page) {
        return query(out, sort, page, null, 0);
    }

    /** {@link #query(StringBuilder, CommentService.Sort, int)} with one more parameter, {@code name=value}. */
    private static StringBuilder query(StringBuilder out, CommentService.Sort sort, int page, String name, long value) {
        int start = out.append('?').length();
        if (sort != CommentService.Sort.OLDEST) {
            out.append(FormInput.SORT).append('=').append(sort.name().toLowerCase(Locale.ROOT));
        }
        if (page > 0) {
            out.append(out.length() > start ? "&amp;" : "").append(FormInput.PAGE).append('=').append(page);
        }
        if (name != null) {
            out.append(out.length() > start ? "&amp;" : "").append(name).append('=').append(value);
        }
        return out.length() > start ? out : out.append(FormInput.SORT).append("=oldest");
    }

    /** Comments as list items; {@code after} is the comment shown after the last of them (and its replies), or null. */
    private void comments(StringBuilder out, Discussion d, List<CommentNode> nodes, boolean[] placed, Long after) {
        for (int i = 0; i < nodes.size(); i++) {
            comment(out, d, nodes.get(i), placed, i + 1 < nodes.size() ? nodes.get(i + 1).comment().getId() : after);
        }
    }

    private void comment(StringBuilder out, Discussion d, CommentNode node, boolean[] placed, Long next) {
        var c = node.comment();
        out.append("<li><article id=\"comment-").append((long) c.getId()).append("\" class=\"hc-comment");
        if (node.pending()) {
            out.append(" hc-pending");
        }
        if (node.removed()) {
            out.append(" hc-removed-comment");
        }
        out.append("\" data-depth=\"").append(c.getDepth()).append("\">");
        content(out, d, node, placed, next);
        var replyTo = d.replyTo() != null ? d.replyTo() : d.form().isSubmitted() && d.form().edit() == null ? d.form().parent() : null;
        if (c.getId().equals(replyTo) && !node.removed()) {
            placed[0] |= d.form().isSubmitted();
            commentForm(out, d, c.getId(), c.getAuthorName(), null, null);
        }
        if (!node.replies().isEmpty()) {
            if (node.pending() && d.moderated()) {
                out.append("<p class=\"hc-pending-note hc-pending-replies\">");
                text(out, msg.get("moderate.pending.replies")).append("</p>");
            }
            out.append("<ol class=\"hc-replies\">");
            comments(out, d, node.replies(), placed, next);
            out.append("</ol>");
        }
        out.append("</article></li>");
    }

    private void content(StringBuilder out, Discussion d, CommentNode node, boolean[] placed, Long next) {
        var c = node.comment();
        if (node.removed()) {
            removed(out);
            return;
        }
        header(out, d, c);
        if (node.pending()) {
            out.append("<p class=\"hc-pending-note\">");
            text(out, msg.get(d.moderated() && !node.own() ? "moderate.pending" : "pending")).append("</p>");
        }
        var editing = d.editing() != null ? d.editing() : d.form().edit();
        if (c.getId().equals(editing) && node.own() && d.editable().test(c)) {
            placed[0] |= d.form().isSubmitted();
            commentForm(out, d, null, null, c.getId(), c);
            return;
        }
        out.append("<div class=\"hc-body\" dir=\"auto\">").append(c.getHtml()).append("</div>");
        actions(out, d, node, next);
    }

    private void header(StringBuilder out, Discussion d, Comment c) {
        out.append("<header>");
        d.avatars().write(out, c);
        var website = c.getAuthorWebsite();
        if (website != null && isWebAddress(website)) {
            out.append("<a class=\"hc-author\" dir=\"auto\" href=\"");
            attribute(out, website).append("\" rel=\"nofollow ugc noopener\">");
            text(out, c.getAuthorName()).append("</a>");
        } else {
            out.append("<span class=\"hc-author\" dir=\"auto\">");
            text(out, c.getAuthorName()).append("</span>");
        }
        if (c.getBadge() != null) {
            out.append("<span class=\"hc-badge\">");
            text(out, msg.get("badge." + c.getBadge().name())).append("</span>");
        }
        var created = c.getCreatedAt();
        var when = absolute(created);
        out.append("<a class=\"hc-permalink hc-meta\" href=\"#comment-").append((long) c.getId()).append("\" title=\"");
        attribute(out, msg.get("permalink")).append("\"><time datetime=\"");
        Html.instant(out, created).append("\" title=\"").append(when).append("\">");
        text(out, relative(created, d.now())).append("</time></a>");
        if (c.getEditedAt() != null) {
            out.append("<span class=\"hc-meta\">");
            text(out, msg.get("edited")).append("</span>");
        }
        if (c.getReplyToId() != null) {
            out.append("<p class=\"hc-in-reply-to\">");
            text(out, msg.get("in.reply.to")).append(" <a dir=\"auto\" href=\"#comment-").append((long) c.getReplyToId()).append("\">");
            text(out, c.getReplyToName()).append("</a></p>");
        }
        out.append("</header>");
    }

    /** Only http(s) addresses become links (the widget stores no other; this guards against any that slipped in). */
    private static boolean isWebAddress(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7);
    }

    private String relative(Instant when, Instant now) {
        var age = Duration.between(when, now);
        if (age.toMinutes() < 1) {
            return msg.get("ago.now");
        }
        if (age.toHours() < 1) {
            return ago(minutesAgo, RelativeDateTimeFormatter.RelativeUnit.MINUTES, (int) age.toMinutes());
        }
        if (age.toDays() < 1) {
            return ago(hoursAgo, RelativeDateTimeFormatter.RelativeUnit.HOURS, (int) age.toHours());
        }
        if (age.toDays() < 30) {
            return ago(daysAgo, RelativeDateTimeFormatter.RelativeUnit.DAYS, (int) age.toDays());
        }
        return date.format(when);
    }

    /** The full date and time of {@code when}, to the minute. */
    private String absolute(Instant when) {
        long minute = Math.floorDiv(when.getEpochSecond(), 60);
        int slot = Math.floorMod(minute, minutes.length());
        var kept = minutes.get(slot);
        if (kept == null || kept.minute() != minute) {
            kept = new Minute(minute, absolute.format(when));
            minutes.set(slot, kept);
        }
        return kept.text();
    }

    private record Minute(long minute, String text) {
    }

    /** "5 minutes ago" in the language's words (CLDR, through ICU) once, then from the cache (a race only formats one twice). */
    private String ago(String[] cache, RelativeDateTimeFormatter.RelativeUnit unit, int amount) {
        var text = cache[amount];
        if (text == null) {
            text = ago.format(amount, RelativeDateTimeFormatter.Direction.LAST, unit);
            cache[amount] = text;
        }
        return text;
    }

    private void actions(StringBuilder out, Discussion d, CommentNode node, Long next) {
        var c = node.comment();
        out.append("<div class=\"hc-actions\">");
        if (!node.pending()) {
            postForm(out, d, "hc-smile-form");
            smileButton(out, c).append("</form>");
            out.append("<a class=\"hc-reply\" data-hearth-reply=\"").append((long) c.getId()).append("\" href=\"");
            query(out, d.sort(), d.page().page(), FormInput.REPLY, c.getId()).append("#hc-form-").append((long) c.getId())
                    .append("\" aria-label=\"");
            msg.attribute(out, "reply.to", c.getAuthorName()).append("\">");
            text(out, msg.get("reply")).append("</a>");
        }
        if (node.own() && d.editable().test(c)) {
            out.append("<a class=\"hc-edit\" data-hearth-edit=\"").append((long) c.getId()).append("\" href=\"");
            query(out, d.sort(), d.page().page(), FormInput.EDIT, c.getId()).append("#comment-").append((long) c.getId()).append("\">");
            text(out, msg.get("edit")).append("</a>");
            postForm(out, d, "hc-delete-form");
            out.append("<button type=\"submit\" name=\"hc-delete\" value=\"").append((long) c.getId()).append("\" class=\"hc-delete\">");
            text(out, msg.get("delete")).append("</button></form><span class=\"hc-edit-window\">");
            text(out, msg.get("edit.window", d.editMinutes())).append("</span>");
        }
        if (d.moderated()) {
            moderation(out, d, node, next);
        }
        out.append("</div>");
    }

    /**
     * A team member's decisions on a comment: Approve (while it awaits moderation), Spam, Delete and Ban (both ask
     * first).
     */
    private void moderation(StringBuilder out, Discussion d, CommentNode node, Long next) {
        var c = node.comment();
        moderationForm(out, d, c, "hc-moderate-form", next);
        if (node.pending()) {
            moderationButton(out, c, "approve", "hc-approve");
        }
        moderationButton(out, c, "spam", "hc-spam");
        moderationButton(out, c, "delete", "hc-moderate-delete");
        moderationButton(out, c, "ban", "hc-ban");
        out.append("</form>");
    }

    private void moderationForm(StringBuilder out, Discussion d, Comment c, String styleClass, Long next) {
        postForm(out, d, styleClass);
        hidden(out, FormInput.FORM, d.formToken());
        hidden(out, FormInput.COMMENT, c.getId().toString());
        hidden(out, FormInput.SEEN, c.getStatus().apiName());
        if (next != null) {
            hidden(out, FormInput.NEXT, next.toString());
        }
    }

    private void moderationButton(StringBuilder out, Comment c, String action, String styleClass) {
        out.append("<button type=\"submit\" name=\"").append(FormInput.MODERATE).append("\" value=\"").append(action)
                .append("\" class=\"").append(styleClass).append("\" aria-label=\"");
        attribute(out, msg.get("moderate." + action + ".label", c.getAuthorName())).append("\">");
        text(out, msg.get("moderate." + action)).append("</button>");
    }

    private void postForm(StringBuilder out, Discussion d, String styleClass) {
        out.append("<form method=\"post\" action=\"");
        attribute(out, d.api()).append("/discussion").append("\" class=\"").append(styleClass).append('"').append('>');
        hidden(out, FormInput.THREAD, d.threadKey());
        hidden(out, FormInput.LANGUAGE, msg.locale().toLanguageTag());
    }

    private StringBuilder commentForm(StringBuilder out, Discussion d, Long parentId, String parentName, Long editingId) {
        return commentForm(out, d, parentId, parentName, editingId, null);
    }

    private StringBuilder commentForm(StringBuilder out, Discussion d, Long parentId, String parentName, Long editingId, Comment editing) {
        var form = d.form();
        var id = editingId != null ? "hc-form-edit-" + editingId : parentId != null ? "hc-form-" + parentId : "hc-form-" + d.tag();
        var submitted = form.isSubmitted() && (editingId != null ? editingId.equals(form.edit())
                : form.edit() == null && (parentId == null ? form.parent() == null : parentId.equals(form.parent())));
        out.append("<form method=\"post\" action=\"");
        attribute(out, d.api()).append("/discussion").append("\" id=\"").append(id).append("\" class=\"hc-form\" aria-labelledby=\"").append(id)
                .append("-heading\" novalidate=\"novalidate\"><h3 id=\"").append(id).append("-heading\">");
        var heading = editingId != null ? msg.get("form.heading.edit")
                : parentId != null ? msg.get("form.heading.reply", parentName == null ? "" : parentName) : msg.get("form.heading");
        text(out, heading).append("</h3>");
        hidden(out, FormInput.THREAD, d.threadKey());
        hidden(out, FormInput.LANGUAGE, msg.locale().toLanguageTag());
        hidden(out, FormInput.FORM, d.formToken());
        if (parentId != null) {
            hidden(out, FormInput.PARENT, parentId.toString());
            out.append("<p><a class=\"hc-cancel\" href=\"#comment-").append(parentId).append("\">");
            text(out, msg.get("form.cancel.reply")).append("</a></p>");
        }
        if (editingId != null) {
            hidden(out, FormInput.EDIT, editingId.toString());
        }
        if (submitted && !form.errors().isEmpty()) {
            out.append("<p class=\"hc-errors\" role=\"alert\">");
            text(out, msg.get("form.errors"));
            for (var error : form.errors().entrySet()) {
                if (!FIELDS.contains(error.getKey())) {
                    text(out.append(' '), error.getValue());
                }
            }
            out.append("</p>");
        }
        // A page answering a form sent without JavaScript opens at the field to fix (or the text previewed).
        var focus = !submitted ? null : editingId == null ? FOCUS_ORDER.stream().filter(form.errors()::containsKey).findFirst()
                .orElse(form.preview() != null || !form.errors().isEmpty() ? "body" : null) : "body";
        if (editingId == null && d.moderated()) {
            // The team writes under its own name and badge: nothing to fill in, nothing to remember.
            out.append("<p class=\"hc-writing-as\">");
            msg.text(out, parentId != null ? "form.as.team.reply" : "form.as.team", d.moderator().name()).append("</p>");
        } else if (editingId == null) {
            field(out, form, id, FormInput.NAME, "name", "text", msg.get("form.name"), true, submitted, Comment.NAME_MAX, "name", focus);
            field(out, form, id, FormInput.EMAIL, "email", "email", msg.get("form.email"), false, submitted, Comment.EMAIL_MAX, "email", focus);
            notifyBox(out, form, id, submitted);
            field(out, form, id, FormInput.WEBSITE, "website", "url", msg.get("form.website"), false, submitted, Comment.WEBSITE_MAX, "url", focus);
            // Shown by embed.js when it remembers the reader's details in this browser; nothing to forget without it.
            out.append("<p class=\"hc-remembered\" hidden=\"hidden\">");
            text(out, msg.get("form.remembered")).append(" <button type=\"button\" class=\"hc-forget\" data-hearth-announce=\"");
            attribute(out, msg.get("announce.forgotten")).append("\">");
            text(out, msg.get("form.forget")).append("</button></p>");
        }
        textarea(out, form, id, submitted, editing, "body".equals(focus));
        honeypot(out, form, id);
        if (submitted && form.preview() != null) {
            out.append("<section class=\"hc-preview\" aria-label=\"");
            attribute(out, msg.get("form.preview.heading")).append("\"><h4>");
            text(out, msg.get("form.preview.heading")).append("</h4><div class=\"hc-preview-body\" dir=\"auto\">").append(form.preview()).append("</div></section>");
        }
        out.append("<p class=\"hc-buttons\">");
        button(out, "preview", msg.get("form.preview"), "hc-preview-button");
        button(out, editingId != null ? "save" : "post", editingId != null ? msg.get("form.save") : msg.get("form.post"), "hc-post-button");
        if (editingId != null) {
            out.append("<a class=\"hc-cancel\" href=\"#comment-").append(editingId).append("\">");
            text(out, msg.get("form.cancel.edit")).append("</a>");
        }
        return out.append("</p></form>");
    }

    private void field(StringBuilder out, FormInput form, String formId, String param, String apiField, String type, String label,
                       boolean required, boolean submitted, int maxLength, String autocomplete, String focus) {
        var inputId = formId + "-" + apiField;
        var error = submitted ? form.errors().get(apiField) : null;
        out.append("<div class=\"hc-field\"><label for=\"").append(inputId).append("\">");
        text(out, label).append("</label><input id=\"").append(inputId).append("\" name=\"").append(param).append("\" type=\"")
                .append(type).append("\" maxlength=\"").append(maxLength).append("\" autocomplete=\"").append(autocomplete).append("\" dir=\"auto\"");
        if (required) {
            out.append(" required=\"required\"");
        }
        if (apiField.equals(focus)) {
            out.append(" autofocus=\"autofocus\"");
        }
        if (submitted) {
            out.append(" value=\"");
            attribute(out, form.value(param)).append('"');
        }
        errorAttributes(out, inputId, error, null);
        out.append('>');
        errorMessage(out, inputId, error);
        out.append("</div>");
    }

    private void textarea(StringBuilder out, FormInput form, String formId, boolean submitted, Comment editing, boolean focus) {
        var inputId = formId + "-body";
        var error = submitted ? form.errors().get("body") : null;
        out.append("<div class=\"hc-field\"><label for=\"").append(inputId).append("\">");
        text(out, msg.get("form.body")).append("</label><p id=\"").append(inputId).append("-hint\" class=\"hc-hint\">");
        text(out, msg.get("form.body.hint")).append("</p><textarea id=\"").append(inputId).append("\" name=\"hc-body\" required=\"required\" maxlength=\"")
                .append(Comment.BODY_MAX).append("\" rows=\"6\" dir=\"auto\"");
        if (focus) {
            out.append(" autofocus=\"autofocus\"");
        }
        errorAttributes(out, inputId, error, inputId + "-hint");
        // A newline right after the start tag would be dropped by the parser: one more keeps the text's own first line.
        out.append(">\n");
        text(out, submitted ? form.value(FormInput.BODY) : editing != null ? editing.getMarkdown() : "").append("</textarea>");
        errorMessage(out, inputId, error);
        out.append("</div>");
    }

    private static void errorAttributes(StringBuilder out, String inputId, String error, String hint) {
        if (error != null) {
            out.append(" aria-invalid=\"true\"");
        }
        if (hint != null || error != null) {
            out.append(" aria-describedby=\"");
            if (hint != null) {
                out.append(hint).append(error != null ? " " : "");
            }
            if (error != null) {
                out.append(inputId).append("-error");
            }
            out.append('"');
        }
    }

    private static void errorMessage(StringBuilder out, String inputId, String error) {
        if (error != null) {
            out.append("<p id=\"").append(inputId).append("-error\" class=\"hc-error\">");
            text(out, error).append("</p>");
        }
    }

    private void notifyBox(StringBuilder out, FormInput form, String formId, boolean submitted) {
        out.append("<div class=\"hc-field hc-notify\"><input id=\"").append(formId)
                .append("-notify\" name=\"hc-notify\" type=\"checkbox\" value=\"on\"");
        if (submitted && form.wantsNotification()) {
            out.append(" checked=\"checked\"");
        }
        out.append("><label for=\"").append(formId).append("-notify\">");
        text(out, msg.get("form.notify")).append("</label></div>");
    }

    private void honeypot(StringBuilder out, FormInput form, String formId) {
        out.append("<div class=\"hc-honeypot\" aria-hidden=\"true\"><label for=\"").append(formId).append("-homepage\">");
        text(out, msg.get("form.homepage")).append("</label><input id=\"").append(formId)
                .append("-homepage\" name=\"hc-homepage\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"></div>");
        var error = form.errors().get("homepage");
        if (error != null) {
            out.append("<p class=\"hc-error\">");
            text(out, error).append("</p>");
        }
    }

    private static void hidden(StringBuilder out, String name, String value) {
        out.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"");
        attribute(out, value).append("\">");
    }

    private static void button(StringBuilder out, String value, String label, String styleClass) {
        out.append("<button type=\"submit\" name=\"hc-action\" value=\"").append(value).append("\" class=\"").append(styleClass).append("\">");
        text(out, label).append("</button>");
    }
}

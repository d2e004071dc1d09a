package org.hearth.comments.faces;

import static org.hearth.comments.faces.CommentsComponent.P_ACTION;
import static org.hearth.comments.faces.CommentsComponent.P_BODY;
import static org.hearth.comments.faces.CommentsComponent.P_DELETE;
import static org.hearth.comments.faces.CommentsComponent.P_EDIT;
import static org.hearth.comments.faces.CommentsComponent.P_EMAIL;
import static org.hearth.comments.faces.CommentsComponent.P_FORM;
import static org.hearth.comments.faces.CommentsComponent.P_HONEYPOT;
import static org.hearth.comments.faces.CommentsComponent.P_NAME;
import static org.hearth.comments.faces.CommentsComponent.P_NOTIFY;
import static org.hearth.comments.faces.CommentsComponent.P_PAGE;
import static org.hearth.comments.faces.CommentsComponent.P_PARENT;
import static org.hearth.comments.faces.CommentsComponent.P_REPLY;
import static org.hearth.comments.faces.CommentsComponent.P_SMILE;
import static org.hearth.comments.faces.CommentsComponent.P_SORT;
import static org.hearth.comments.faces.CommentsComponent.P_THREAD;
import static org.hearth.comments.faces.CommentsComponent.P_WEBSITE;
import static org.hearth.comments.faces.CommentsComponent.encode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.faces.context.ResponseWriter;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentNode;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.thread.CommentThread;

/**
 * Writes a discussion as semantic HTML: a section with a heading, the sort links, the comments as nested lists of
 * {@code article id="comment-{id}" data-depth="{depth}"} (a reply's element inside its parent's), "Show more", then
 * the form. Every text a visitor typed is escaped; only the sanitized body HTML is written as is.
 */
final class DiscussionWriter {

    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The fields that show their own message; messages about anything else go into the form's summary. */
    private static final Set<String> FIELDS = Set.of("name", "email", "website", "body", "homepage");

    private final ResponseWriter out;
    private final Messages msg;
    private final CommentSettings settings;
    private final CommentService service;
    private final CommentThread thread;
    private final String pagePath;
    private final CommentsComponent.FormState form;
    private final String formToken;
    private Set<Long> own = Set.of();

    DiscussionWriter(ResponseWriter out, Messages msg, CommentSettings settings, CommentService service,
                     CommentThread thread, String pagePath, CommentsComponent.FormState form, String formToken) {
        this.out = out;
        this.msg = msg;
        this.settings = settings;
        this.service = service;
        this.thread = thread;
        this.pagePath = pagePath;
        this.form = form;
        this.formToken = formToken;
    }

    /**
     * @param replyTo the comment whose reply form is open ({@code ?hc-reply=}), or null
     * @param editing the own comment being corrected ({@code ?hc-edit=}), or null
     */
    void write(CommentService.ThreadPage page, CommentService.Sort sort, Long replyTo, Long editing, Set<Long> ownIds,
               String contextPath) throws IOException {
        this.own = ownIds;
        var replying = replyTo != null ? replyTo : form.parent();
        var edited = editing != null ? editing : form.edit();
        out.startElement("section", null);
        out.writeAttribute("id", "hc-comments", null);
        out.writeAttribute("class", "hc-comments", null);
        out.writeAttribute("aria-labelledby", "hc-heading", null);
        out.writeAttribute("data-hearth-thread", thread.getKey(), null);
        out.writeAttribute("data-hearth-api", contextPath + "/api", null);
        out.writeAttribute("data-hearth-sort", sort.name().toLowerCase(Locale.ROOT), null);

        element("h2", "hc-heading", null, heading(service.countApproved(List.of(thread.getKey())).get(thread.getKey())));
        out.startElement("div", null);
        out.writeAttribute("class", "hc-live hc-visually-hidden", null);
        out.writeAttribute("aria-live", "polite", null);
        out.endElement("div");

        if (page.topLevel() > 1) {
            sortLinks(sort);
        }
        if (page.page() > 0) {
            // Without JavaScript "Show more" opens the next page: the way back to the earlier ones.
            out.startElement("p", null);
            out.writeAttribute("class", "hc-more hc-earlier", null);
            link(query(sort, page.page() - 1, null, null) + "#hc-comments", msg.get("earlier"), null);
            out.endElement("p");
        }
        out.startElement("ol", null);
        out.writeAttribute("class", "hc-list", null);
        for (var node : page.comments()) {
            comment(node, replying, edited);
        }
        out.endElement("ol");
        if (page.comments().isEmpty() && page.page() == 0) {
            element("p", null, "hc-empty", msg.get("empty"));
        }
        if (page.hasMore()) {
            out.startElement("p", null);
            out.writeAttribute("class", "hc-more", null);
            link(query(sort, page.page() + 1, null, null) + "#hc-comments", msg.get("more"), null);
            out.endElement("p");
        }
        commentForm(null, null);
        out.endElement("section");
    }

    private String heading(long count) {
        return count == 0 ? msg.get("heading.none") : count == 1 ? msg.get("heading.one") : msg.get("heading.many", count);
    }

    private void sortLinks(CommentService.Sort current) throws IOException {
        out.startElement("nav", null);
        out.writeAttribute("class", "hc-sort", null);
        out.writeAttribute("aria-label", msg.get("sort.label"), null);
        for (var sort : CommentService.Sort.values()) {
            out.startElement("a", null);
            out.writeURIAttribute("href", query(sort, 0, null, null) + "#hc-comments", null);
            if (sort == current) {
                out.writeAttribute("aria-current", "true", null);
            }
            out.writeText(msg.get("sort." + sort.name().toLowerCase(Locale.ROOT)), null);
            out.endElement("a");
        }
        out.endElement("nav");
    }

    private String query(CommentService.Sort sort, int page, String extraName, Object extraValue) {
        var query = new StringBuilder(pagePath).append('?').append(P_SORT).append('=').append(sort.name().toLowerCase(Locale.ROOT));
        if (page > 0) {
            query.append('&').append(P_PAGE).append('=').append(page);
        }
        if (extraName != null) {
            query.append('&').append(extraName).append('=').append(encode(String.valueOf(extraValue)));
        }
        return query.toString();
    }

    private void comment(CommentNode node, Long replyTo, Long editing) throws IOException {
        var c = node.comment();
        out.startElement("li", null);
        out.startElement("article", null);
        out.writeAttribute("id", "comment-" + c.getId(), null);
        out.writeAttribute("class", "hc-comment" + (node.pending() ? " hc-pending" : "") + (node.removed() ? " hc-removed-comment" : ""), null);
        out.writeAttribute("data-depth", c.getDepth(), null);
        if (node.removed()) {
            element("p", null, "hc-removed", msg.get("removed"));
        } else {
            header(c);
            if (node.pending()) {
                element("p", null, "hc-pending-note", msg.get("pending"));
            }
            if (editing != null && editing.equals(c.getId()) && CommentsComponent.isOwnEditable(service, c, own)) {
                commentForm(null, c);
            } else {
                out.startElement("div", null);
                out.writeAttribute("class", "hc-body", null);
                out.write(c.getHtml());
                out.endElement("div");
                actions(node, replyTo);
            }
        }
        if (replyTo != null && replyTo.equals(c.getId()) && !node.removed()) {
            commentForm(c.getId(), null);
        }
        if (!node.replies().isEmpty()) {
            out.startElement("ol", null);
            out.writeAttribute("class", "hc-replies", null);
            for (var reply : node.replies()) {
                comment(reply, replyTo, editing);
            }
            out.endElement("ol");
        }
        out.endElement("article");
        out.endElement("li");
    }

    private void header(Comment c) throws IOException {
        out.startElement("header", null);
        if (c.getAuthorWebsite() != null) {
            out.startElement("a", null);
            out.writeAttribute("class", "hc-author", null);
            out.writeURIAttribute("href", c.getAuthorWebsite(), null);
            out.writeAttribute("rel", "nofollow ugc noopener", null);
            out.writeText(c.getAuthorName(), null);
            out.endElement("a");
        } else {
            element("span", null, "hc-author", c.getAuthorName());
        }
        if (c.getBadge() != null) {
            element("span", null, "hc-badge", msg.get("badge." + c.getBadge().name()));
        }
        out.startElement("a", null);
        out.writeAttribute("class", "hc-permalink hc-meta", null);
        out.writeURIAttribute("href", "#comment-" + c.getId(), null);
        out.writeAttribute("title", msg.get("permalink"), null);
        out.startElement("time", null);
        out.writeAttribute("datetime", c.getCreatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), null);
        out.writeAttribute("title", ABSOLUTE.format(c.getCreatedAt()), null);
        out.writeText(relative(c.getCreatedAt()), null);
        out.endElement("time");
        out.endElement("a");
        element("span", null, "hc-meta hc-absolute", ABSOLUTE.format(c.getCreatedAt()));
        if (c.getEditedAt() != null) {
            element("span", null, "hc-meta", msg.get("edited"));
        }
        if (c.getReplyToId() != null) {
            out.startElement("p", null);
            out.writeAttribute("class", "hc-in-reply-to", null);
            out.writeText(msg.get("in.reply.to") + " ", null);
            link("#comment-" + c.getReplyToId(), c.getReplyToName(), null);
            out.endElement("p");
        }
        out.endElement("header");
    }

    private String relative(Instant when) {
        var age = Duration.between(when, Instant.now());
        if (age.toMinutes() < 1) {
            return msg.get("ago.now");
        }
        if (age.toHours() < 1) {
            return msg.get("ago.minutes", age.toMinutes());
        }
        if (age.toDays() < 1) {
            return msg.get("ago.hours", age.toHours());
        }
        if (age.toDays() < 30) {
            return msg.get("ago.days", age.toDays());
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(msg.locale()).withZone(ZoneOffset.UTC).format(when);
    }

    private void actions(CommentNode node, Long replyTo) throws IOException {
        var c = node.comment();
        out.startElement("div", null);
        out.writeAttribute("class", "hc-actions", null);
        if (!node.pending()) {
            postForm("hc-smile-form");
            out.startElement("button", null);
            out.writeAttribute("type", "submit", null);
            out.writeAttribute("name", P_SMILE, null);
            out.writeAttribute("value", c.getId(), null);
            out.writeAttribute("class", "hc-smile", null);
            // The accessible name starts with what sighted readers see: "3 smiles. Smile at Maya's comment".
            out.startElement("span", null);
            out.writeAttribute("aria-hidden", "true", null);
            out.writeText("\u263A ", null);
            out.endElement("span");
            out.startElement("span", null);
            out.writeAttribute("class", "hc-smile-count", null);
            out.writeText(c.getSmiles(), null);
            out.endElement("span");
            out.startElement("span", null);
            out.writeAttribute("class", "hc-visually-hidden", null);
            out.writeText(" " + msg.get("smile.label", c.getAuthorName()), null);
            out.endElement("span");
            out.endElement("button");
            out.endElement("form");

            out.startElement("a", null);
            out.writeAttribute("class", "hc-reply", null);
            out.writeAttribute("data-hearth-reply", c.getId(), null);
            out.writeURIAttribute("href", pagePath + "?" + P_REPLY + "=" + c.getId() + "#hc-form-" + c.getId(), null);
            out.writeAttribute("aria-label", msg.get("reply.to", c.getAuthorName()), null);
            out.writeText(msg.get("reply"), null);
            out.endElement("a");
        }
        if (node.own() && service.isEditable(c)) {
            out.startElement("a", null);
            out.writeAttribute("class", "hc-edit", null);
            out.writeURIAttribute("href", pagePath + "?" + P_EDIT + "=" + c.getId() + "#comment-" + c.getId(), null);
            out.writeText(msg.get("edit"), null);
            out.endElement("a");
            postForm("hc-delete-form");
            out.startElement("button", null);
            out.writeAttribute("type", "submit", null);
            out.writeAttribute("name", P_DELETE, null);
            out.writeAttribute("value", c.getId(), null);
            out.writeText(msg.get("delete"), null);
            out.endElement("button");
            out.endElement("form");
            element("span", null, "hc-edit-window", msg.get("edit.window", settings.editMinutes()));
        }
        out.endElement("div");
    }

    private void postForm(String styleClass) throws IOException {
        out.startElement("form", null);
        out.writeAttribute("method", "post", null);
        out.writeURIAttribute("action", pagePath, null);
        out.writeAttribute("class", styleClass, null);
        hidden(P_THREAD, thread.getKey());
    }

    /** The form: a new comment, a reply ({@code parentId}), or the correction of one's own comment ({@code editing}). */
    private void commentForm(Long parentId, Comment editing) throws IOException {
        var id = editing != null ? "hc-form-edit-" + editing.getId() : parentId != null ? "hc-form-" + parentId : "hc-form";
        var submitted = form.isSubmitted() && (editing != null ? editing.getId().equals(form.edit())
                : form.edit() == null && (parentId == null ? form.parent() == null : parentId.equals(form.parent())));
        out.startElement("form", null);
        out.writeAttribute("method", "post", null);
        out.writeURIAttribute("action", pagePath + "#" + id, null);
        out.writeAttribute("id", id, null);
        out.writeAttribute("class", "hc-form", null);
        out.writeAttribute("aria-labelledby", id + "-heading", null);
        out.writeAttribute("novalidate", "novalidate", null);
        var heading = editing != null ? msg.get("form.heading.edit") : parentId != null ? msg.get("form.heading.reply", replyName(parentId)) : msg.get("form.heading");
        element("h3", id + "-heading", null, heading);
        hidden(P_THREAD, thread.getKey());
        hidden(P_FORM, formToken);
        if (parentId != null) {
            hidden(P_PARENT, parentId.toString());
            out.startElement("p", null);
            link(pagePath + "#comment-" + parentId, msg.get("form.cancel.reply"), "hc-cancel");
            out.endElement("p");
        }
        if (editing != null) {
            hidden(P_EDIT, editing.getId().toString());
        }
        if (submitted && !form.errors().isEmpty()) {
            out.startElement("p", null);
            out.writeAttribute("class", "hc-errors", null);
            out.writeAttribute("role", "alert", null);
            out.writeText(msg.get("form.errors"), null);
            for (var error : form.errors().entrySet()) {
                if (!FIELDS.contains(error.getKey())) {
                    out.writeText(" " + error.getValue(), null);
                }
            }
            out.endElement("p");
        }
        if (editing == null) {
            field(id, P_NAME, "name", "text", msg.get("form.name"), true, submitted, 80, "name");
            field(id, P_EMAIL, "email", "email", msg.get("form.email"), false, submitted, 254, "email");
            notifyBox(id, submitted);
            field(id, P_WEBSITE, "website", "url", msg.get("form.website"), false, submitted, 500, "url");
        }
        textarea(id, submitted, editing);
        honeypot(id);
        if (submitted && form.preview() != null) {
            out.startElement("section", null);
            out.writeAttribute("class", "hc-preview", null);
            out.writeAttribute("aria-label", msg.get("form.preview.heading"), null);
            element("h4", null, null, msg.get("form.preview.heading"));
            out.write(form.preview());
            out.endElement("section");
        }
        out.startElement("p", null);
        button(P_ACTION, "preview", msg.get("form.preview"), "hc-preview-button");
        button(P_ACTION, editing != null ? "save" : "post", editing != null ? msg.get("form.save") : msg.get("form.post"), "hc-post-button");
        out.endElement("p");
        out.endElement("form");
    }

    private String replyName(Long parentId) {
        return service.find(parentId).map(Comment::getAuthorName).orElse("");
    }

    private void field(String formId, String param, String apiField, String type, String label, boolean required, boolean submitted,
                       int maxLength, String autocomplete) throws IOException {
        var inputId = formId + "-" + apiField;
        var error = submitted ? Optional.ofNullable(form.errors().get(apiField)) : Optional.<String>empty();
        out.startElement("div", null);
        out.writeAttribute("class", "hc-field", null);
        out.startElement("label", null);
        out.writeAttribute("for", inputId, null);
        out.writeText(label, null);
        out.endElement("label");
        out.startElement("input", null);
        out.writeAttribute("id", inputId, null);
        out.writeAttribute("name", param, null);
        out.writeAttribute("type", type, null);
        out.writeAttribute("maxlength", maxLength, null);
        out.writeAttribute("autocomplete", autocomplete, null);
        if (required) {
            out.writeAttribute("required", "required", null);
        }
        if (submitted) {
            out.writeAttribute("value", form.value(param), null);
        }
        errorAttributes(inputId, error);
        out.endElement("input");
        errorMessage(inputId, error);
        out.endElement("div");
    }

    private void textarea(String formId, boolean submitted, Comment editing) throws IOException {
        var inputId = formId + "-body";
        var error = submitted ? Optional.ofNullable(form.errors().get("body")) : Optional.<String>empty();
        out.startElement("div", null);
        out.writeAttribute("class", "hc-field", null);
        out.startElement("label", null);
        out.writeAttribute("for", inputId, null);
        out.writeText(msg.get("form.body"), null);
        out.endElement("label");
        element("p", inputId + "-hint", "hc-hint", msg.get("form.body.hint"));
        out.startElement("textarea", null);
        out.writeAttribute("id", inputId, null);
        out.writeAttribute("name", P_BODY, null);
        out.writeAttribute("required", "required", null);
        out.writeAttribute("maxlength", Comment.BODY_MAX, null);
        out.writeAttribute("rows", 6, null);
        errorAttributes(inputId, error, inputId + "-hint");
        out.writeText(submitted ? form.value(P_BODY) : editing != null ? editing.getMarkdown() : "", null);
        out.endElement("textarea");
        errorMessage(inputId, error);
        out.endElement("div");
    }

    private void errorAttributes(String inputId, Optional<String> error, String... describedBy) throws IOException {
        var ids = new StringBuilder(String.join(" ", describedBy));
        if (error.isPresent()) {
            out.writeAttribute("aria-invalid", "true", null);
            ids.append(ids.isEmpty() ? "" : " ").append(inputId).append("-error");
        }
        if (!ids.isEmpty()) {
            out.writeAttribute("aria-describedby", ids.toString(), null);
        }
    }

    private void errorMessage(String inputId, Optional<String> error) throws IOException {
        if (error.isPresent()) {
            element("p", inputId + "-error", "hc-error", error.get());
        }
    }

    private void notifyBox(String formId, boolean submitted) throws IOException {
        out.startElement("div", null);
        out.writeAttribute("class", "hc-field hc-notify", null);
        out.startElement("input", null);
        out.writeAttribute("id", formId + "-notify", null);
        out.writeAttribute("name", P_NOTIFY, null);
        out.writeAttribute("type", "checkbox", null);
        out.writeAttribute("value", "on", null);
        if (submitted && !form.value(P_NOTIFY).isEmpty()) {
            out.writeAttribute("checked", "checked", null);
        }
        out.endElement("input");
        out.startElement("label", null);
        out.writeAttribute("for", formId + "-notify", null);
        out.writeText(msg.get("form.notify"), null);
        out.endElement("label");
        out.endElement("div");
    }

    private void honeypot(String formId) throws IOException {
        out.startElement("div", null);
        out.writeAttribute("class", "hc-honeypot", null);
        out.writeAttribute("aria-hidden", "true", null);
        out.startElement("label", null);
        out.writeAttribute("for", formId + "-homepage", null);
        out.writeText(msg.get("form.homepage"), null);
        out.endElement("label");
        out.startElement("input", null);
        out.writeAttribute("id", formId + "-homepage", null);
        out.writeAttribute("name", P_HONEYPOT, null);
        out.writeAttribute("type", "text", null);
        out.writeAttribute("tabindex", "-1", null);
        out.writeAttribute("autocomplete", "off", null);
        out.endElement("input");
        var error = form.errors().get("homepage");
        if (error != null) {
            out.endElement("div");
            element("p", null, "hc-error", error);
            return;
        }
        out.endElement("div");
    }

    private void hidden(String name, String value) throws IOException {
        out.startElement("input", null);
        out.writeAttribute("type", "hidden", null);
        out.writeAttribute("name", name, null);
        out.writeAttribute("value", value, null);
        out.endElement("input");
    }

    private void button(String name, String value, String label, String styleClass) throws IOException {
        out.startElement("button", null);
        out.writeAttribute("type", "submit", null);
        out.writeAttribute("name", name, null);
        out.writeAttribute("value", value, null);
        out.writeAttribute("class", styleClass, null);
        out.writeText(label, null);
        out.endElement("button");
    }

    private void link(String href, String text, String styleClass) throws IOException {
        out.startElement("a", null);
        out.writeURIAttribute("href", href, null);
        if (styleClass != null) {
            out.writeAttribute("class", styleClass, null);
        }
        out.writeText(text, null);
        out.endElement("a");
    }

    private void element(String name, String id, String styleClass, String text) throws IOException {
        out.startElement(name, null);
        if (id != null) {
            out.writeAttribute("id", id, null);
        }
        if (styleClass != null) {
            out.writeAttribute("class", styleClass, null);
        }
        out.writeText(text, null);
        out.endElement(name);
    }
}

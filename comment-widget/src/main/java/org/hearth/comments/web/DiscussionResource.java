package org.hearth.comments.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.hearth.comments.api.ProblemJson;
import org.hearth.comments.comment.AuthorEdits;
import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentBody;
import org.hearth.comments.comment.CommentNode;
import org.hearth.comments.comment.CommentPosting;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.host.BanScope;
import org.hearth.comments.host.CommentFeeds;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.host.NewComment;
import org.hearth.comments.host.Refusals;
import org.hearth.comments.comment.Smiles;
import org.hearth.comments.comment.TextRules;
import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.config.SiteOrigins;
import org.hearth.comments.host.DiscussionIds;
import org.hearth.comments.host.Languages;
import org.hearth.comments.host.ModerationAction;
import org.hearth.comments.moderation.ThreadModeration;
import org.hearth.comments.notify.ThreadFollowers;
import org.hearth.comments.render.Discussion;
import org.hearth.comments.render.DiscussionRenderer;
import org.hearth.comments.render.FormInput;
import org.hearth.comments.render.Messages;
import org.hearth.comments.schema.DatabaseFaults;
import org.hearth.comments.security.CrossSiteRequests;
import org.hearth.comments.security.Visitors;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.thread.ThreadRevisions;

/**
 * {@code /api/discussion}: the widget's HTML endpoint, for its forms and for embed.js.
 * <ul>
 * <li>{@code GET ?thread=&sort=&page=} answers the discussion ({@code section.hc-comments}); {@code &part=page} only
 *     the comments of that page (for "Show more"); {@code &part=form&reply={id}} the reply form of a comment, and
 *     {@code &part=form&edit={id}} the edit form of one's own comment; {@code &feed=} a feed of the site owner's to
 *     link instead of the thread's own ({@link #hostFeed}). A page of an origin that may not embed the discussion gets
 *     {@code 403} with a message it can show.</li>
 * <li>{@code GET feed?thread=} the thread's Atom feed ({@link #feed}).</li>
 * <li>{@code POST} takes the widget's forms ({@code application/x-www-form-urlencoded}): a comment or reply
 *     ({@code hc-action=post}), a preview ({@code preview}), a correction ({@code hc-edit} with {@code save}), a
 *     deletion ({@code hc-delete}: first a question, then done with {@code hc-confirm=yes}), a smile
 *     ({@code hc-smile}), a request to follow the discussion ({@code follow}, with {@code hc-follow}, the e-mail
 *     address), a team member's decision on a comment ({@code hc-moderate=approve|spam|delete} with
 *     {@code hc-comment}, {@code hc-seen} and the form token; a deletion first asks, then is done with
 *     {@code hc-confirm=yes}). A form sent by a browser without JavaScript is answered {@code 303} to the page it came
 *     from at {@code #comment-{id}}, or, when it needs the reader again (a message, a
 *     preview), with a page holding the discussion, the messages and the text as typed. A script says
 *     {@value #SCRIPT_HEADER}{@code : 1} and gets the fragment to put in place instead: the new comment ({@code 201}),
 *     the corrected one, the smile button, or the form again with its messages ({@code 400}, {@code 429}, {@code 503}).
 * </ul>
 * Every protection of the JSON API applies ({@link org.hearth.comments.api.RequestGuard}: requests of other sites'
 * pages refused, bodies limited), and all of the widget's rules ({@link CommentService}). A form without JavaScript
 * must carry a form token bound to the browser's {@value Visitors#FORM_COOKIE} cookie; the redirect leads only to the
 * page that sent the form when it lies on this site or an embed origin, else to the thread's own URL.
 */
@Path("discussion")
public class DiscussionResource {

    /** The request header by which embed.js asks for fragments instead of redirects and pages. */
    public static final String SCRIPT_HEADER = "X-Hearth-Fragment";

    /** The response header with a fresh form token for the next comment. */
    public static final String FORM_HEADER = "X-Hearth-Form";

    /** The response header with the token that proves authorship of the comment just posted. */
    public static final String OWNER_HEADER = "X-Hearth-Owner";

    private static final Logger LOG = Logger.getLogger(DiscussionResource.class.getName());
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final int RETRY_AFTER_SECONDS = 10;
    private static final String ATOM = "application/atom+xml";
    private static final int FEED_MAX_AGE_SECONDS = 60;

    @Inject
    private CommentService comments;

    @Inject
    private CommentPosting posting;

    @Inject
    private AuthorEdits edits;

    @Inject
    private Smiles smiles;

    @Inject
    private CommentThreadService threads;

    @Inject
    private Discussions discussions;

    @Inject
    private CommentSettings settings;

    @Inject
    private SiteOrigins origins;

    @Inject
    private Visitors visitors;

    @Inject
    private FollowUps followUps;

    @Inject
    private ThreadFollowers followers;

    @Inject
    private ThreadModeration moderation;

    @Inject
    private Refusals refusals;

    @Inject
    private ThreadRevisions revisions;

    @Inject
    private CommentFeeds feeds;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpServletResponse response;

    /** The discussion, a page of it, or a form. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response get(@QueryParam("thread") String thread, @QueryParam("sort") String sort, @QueryParam("page") String page,
                        @QueryParam("part") String part, @QueryParam("reply") String reply, @QueryParam("edit") String edit,
                        @QueryParam("lang") String lang, @QueryParam("feed") String feed) {
        var renderer = renderer(lang);
        var refused = refusedOrigin(renderer);
        if (refused != null) {
            return refused;
        }
        var key = requireThread(thread);
        var own = visitors.ownIds(request);
        var replyTo = FormInput.parseId(reply);
        var editing = FormInput.parseId(edit);
        var out = new StringBuilder(8192);
        if ("form".equals(part)) {
            var d = discussions.part(key, api(), visitors.formToken(request), FormInput.empty());
            if (replyTo != null) {
                var parent = visible(replyTo, key, own).orElseThrow(() -> new NotFoundException("No comment " + replyTo + " to answer here."));
                renderer.form(out, d, replyTo, parent.getAuthorName(), null);
            } else if (editing != null) {
                var mine = visible(editing, key, own).filter(c -> own.contains(c.getId()) && edits.isEditable(c))
                        .orElseThrow(() -> new InvalidCommentException("id", "not-yours", renderer.messages().get("edit.refused")));
                renderer.form(out, d, null, null, mine);
            } else {
                renderer.form(out, d, null, null, null);
            }
        } else {
            var d = discussions.of(key, Discussions.page(page), Discussions.sort(sort), own, api(), visitors.formToken(request),
                    replyTo, editing, FormInput.empty()).withFeed(hostFeed(feed));
            if ("page".equals(part)) {
                renderer.comments(out, d);
            } else {
                renderer.discussion(out, d);
            }
        }
        return html(Response.ok(), out);
    }

    /**
     * {@code GET /api/discussion/feed?thread=KEY[&lang=]}: the thread's feed ({@link CommentFeeds}). A conditional request whose
     * validators ({@code ETag}, {@code Last-Modified}: the thread's {@linkplain ThreadRevisions revision}) still hold is
     * answered {@code 304} before anything is read; else the thread and its comments are read (two statements). An
     * unknown thread is {@code 404} with a problem body.
     */
    @GET
    @Path("feed")
    @Produces({ATOM, "application/problem+json"})
    public Response feed(@QueryParam("thread") String thread, @QueryParam("lang") String lang, @Context Request conditions) {
        var key = requireThread(thread);
        var messages = renderer(lang).messages();
        var revision = revisions.of(key);
        var tag = new EntityTag("feed-" + revision.number() + "-" + revision.changedAt().toEpochMilli() + "-" + messages.locale().toLanguageTag(), true);
        var modified = Date.from(revision.changedAt().truncatedTo(ChronoUnit.SECONDS));
        var cache = new CacheControl();
        cache.setMaxAge(FEED_MAX_AGE_SECONDS);
        var unchanged = conditions.evaluatePreconditions(modified, tag);
        if (unchanged != null) {
            return unchanged.tag(tag).lastModified(modified).cacheControl(cache).header("Vary", "Accept-Language").build();
        }
        var self = api() + "/discussion/feed?thread=" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + (lang == null ? "" : "&lang=" + messages.locale().toLanguageTag());
        return feeds.atom(key, null, self, messages.locale())
                .map(atom -> Response.ok(atom, ATOM + ";charset=UTF-8").tag(tag).lastModified(modified).cacheControl(cache)
                        .header("Vary", "Accept-Language").build())
                .orElseGet(() -> ProblemJson.of(404, "No such discussion", messages.get("feed.unknown"), "thread", "unknown-thread").response());
    }

    /**
     * The address of a feed a site owner names for an embedded discussion ({@code data-feed}): absolute http(s) only
     * (never {@code javascript:} or the like); null for anything else, and the widget links its own feed.
     */
    static String hostFeed(String address) {
        if (address == null || address.isBlank() || address.length() > CommentThread.URL_MAX) {
            return null;
        }
        try {
            var uri = new URI(address);
            var scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null ? uri.toASCIIString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** A form of the widget, sent by a browser without JavaScript or by embed.js ({@value #SCRIPT_HEADER}). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response post(byte[] body) {
        var script = "1".equals(request.getHeader(SCRIPT_HEADER));
        var form = FormInput.of(fields(body));
        var key = requireThread(form.valueOrNull(FormInput.THREAD));
        var renderer = renderer(form.valueOrNull(FormInput.LANGUAGE));
        var own = visitors.ownIds(request);
        if ("follow".equals(form.valueOrNull(FormInput.ACTION))) {
            return follow(key, form, script, renderer);
        }
        if (form.valueOrNull(FormInput.MODERATE) != null) {
            return moderate(key, form, own, script, renderer);
        }
        try {
            var smile = form.id(FormInput.SMILE);
            if (smile != null) {
                smiles.smile(smile, visitors.browserHash(request, response), visitors.clientHash(request));
                var comment = comments.find(smile).orElseThrow();
                return script ? html(Response.ok(), renderer.smileButton(new StringBuilder(), comment)) : back(key, "#comment-" + smile);
            }
            var delete = form.id(FormInput.DELETE);
            if (delete != null && !"yes".equals(form.valueOrNull(FormInput.CONFIRM))) {
                return confirmDeletion(key, delete, own, script, renderer);
            }
            if (delete != null) {
                edits.deleteOwn(delete, own);
                return script ? html(Response.ok(), count(renderer.announcement(renderer.removed(new StringBuilder()),
                        renderer.messages().get("announce.deleted")), key, renderer)) : back(key, form, "#" + DiscussionIds.section(key));
            }
            if (form.edit() != null) {
                return edit(key, form, own, script, renderer);
            }
            if (form.isPreview()) {
                form.preview(CommentBody.of(form.valueOrNull(FormInput.BODY)).html());
                return answer(Response.ok(), key, form, own, script, renderer, "page.title.preview");
            }
            return postComment(key, form, script, renderer);
        } catch (InvalidCommentException e) {
            form.refuse(e.getField(), refusal(renderer, e));
            var status = Response.status(e.isTooMany() ? 429 : 400);
            e.retryAfterSeconds().ifPresent(seconds -> status.header("Retry-After", seconds));
            return answer(status, key, form, own, script, renderer, "page.title.refused");
        } catch (RuntimeException e) {
            if (!DatabaseFaults.isDatabaseFault(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "The database refused a comment form: answering 503", e);
            form.refuse("database", renderer.messages().get("unavailable"));
            return answer(Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS), key, form, own, script, renderer,
                    "page.title.unavailable");
        }
    }

    private Response postComment(String key, FormInput form, boolean script, DiscussionRenderer renderer) {
        var email = form.valueOrNull(FormInput.EMAIL);
        if (form.wantsNotification() && (email == null || email.isBlank())) {
            throw new InvalidCommentException("email", "notify-needs-email", renderer.messages().get("notify.needs.email"));
        }
        var input = new NewComment(key, form.parent(), form.valueOrNull(FormInput.NAME), email, form.valueOrNull(FormInput.WEBSITE),
                form.valueOrNull(FormInput.BODY));
        var commenter = visitors.commenter(request, form.valueOrNull(FormInput.FORM), form.value(FormInput.HONEYPOT), !script);
        var stored = posting.post(thread(key, form), input, commenter);
        var done = followUps.of(stored, form.wantsNotification(), request, response);
        if (!script) {
            return back(key, "#comment-" + stored.getId());
        }
        var messages = renderer.messages();
        var announced = messages.get(stored.getStatus() == CommentStatus.PENDING ? "announce.pending" : "announce.posted")
                + (done.notifying() ? " " + messages.get("announce.notifying") : "");
        var out = new StringBuilder(2048);
        renderer.comment(out, discussion(key, form, null), new CommentNode(stored, false, true, List.of()));
        return html(Response.status(201).header(OWNER_HEADER, done.ownerToken()).header(FORM_HEADER, visitors.formToken(request)),
                count(renderer.announcement(out, announced), key, renderer));
    }

    /**
     * "Follow this discussion": the confirmation e-mail is queued ({@link ThreadFollowers#request}); to a script the
     * section saying so (or the form with its message), to a browser without JavaScript a page with it.
     */
    private Response follow(String key, FormInput form, boolean script, DiscussionRenderer renderer) {
        Response.ResponseBuilder status;
        boolean sent;
        try {
            followers.request(thread(key, form), form.valueOrNull(FormInput.FOLLOW), visitors.clientHash(request), origins.base(request));
            status = Response.ok();
            sent = true;
        } catch (InvalidCommentException e) {
            form.refuse("follow", renderer.messages().get("too-many".equals(e.getReason()) ? "follow.too.many" : "follow.invalid"));
            var refused = Response.status(e.isTooMany() ? 429 : 400);
            e.retryAfterSeconds().ifPresent(seconds -> refused.header("Retry-After", seconds));
            status = refused;
            sent = false;
        } catch (RuntimeException e) {
            if (!DatabaseFaults.isDatabaseFault(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "The database refused a request to follow a discussion: answering 503", e);
            form.refuse("follow", renderer.messages().get("unavailable.follow"));
            status = Response.status(503).header("Retry-After", RETRY_AFTER_SECONDS);
            sent = false;
        }
        var d = discussion(key, form, script ? null : visitors.formToken(request, response));
        var section = renderer.follow(new StringBuilder(2048), d, sent);
        if (script) {
            return html(status, section);
        }
        var content = new StringBuilder(section.length() + 64).append("<section class=\"hc-comments\">").append(section).append("</section>");
        return html(status, renderer.page(new StringBuilder(4096), renderer.messages().get("page.title.follow"),
                request.getContextPath() + "/hearth/comments.css", returnTarget(key).map(page -> page + "#hc-follow-" + d.tag() + "-heading").orElse(null), content));
    }

    /**
     * A team member's decision on a comment of the thread, only for a member signed in ({@link Discussions#moderator})
     * with a form token this site's page gave this browser; anyone else gets {@code 403} and nothing changes. The
     * decision is taken only while the comment is as the member saw it ({@code hc-seen}); otherwise {@code 409} with who
     * decided first. Done: {@code 303} back to the comment (or, when it is gone, the one after it), or to a script the
     * comment's new content (nothing when it is gone) and a message for the live region.
     */
    private Response moderate(String key, FormInput form, Set<Long> own, boolean script, DiscussionRenderer renderer) {
        var messages = renderer.messages();
        var moderator = discussions.moderator(key);
        if (moderator == null) {
            return refuseModeration(key, 403, "Team members only", "not-team", messages.get("moderate.refused.team"), script, renderer);
        }
        if (!visitors.isPageForm(request, form.valueOrNull(FormInput.FORM))) {
            return refuseModeration(key, 403, "Form expired", "form-expired", messages.get("moderate.refused.form"), script, renderer);
        }
        var action = switch (form.value(FormInput.MODERATE)) {
            case "approve" -> ModerationAction.APPROVE;
            case "spam" -> ModerationAction.SPAM;
            case "delete" -> ModerationAction.DELETE;
            case "ban" -> ModerationAction.BAN;
            default -> null;
        };
        var id = form.id(FormInput.COMMENT);
        var seen = Arrays.stream(CommentStatus.values()).filter(s -> s.apiName().equals(form.valueOrNull(FormInput.SEEN))).findFirst();
        if (action == null || id == null || seen.isEmpty()) {
            return refuseModeration(key, 400, "Incomplete form", "malformed-form", messages.get("moderate.refused.input"), script, renderer);
        }
        var comment = moderation.find(key, id);
        if (comment.isEmpty()) {
            return refuseModeration(key, 404, "No such comment", "unknown-comment", messages.get("moderate.refused.unknown"), script, renderer);
        }
        var next = form.id(FormInput.NEXT);
        if ((action == ModerationAction.DELETE || action == ModerationAction.BAN) && !"yes".equals(form.valueOrNull(FormInput.CONFIRM))) {
            return askModeration(key, comment.get(), action, next, script, renderer);
        }
        ThreadModeration.Outcome outcome;
        try {
            outcome = moderation.decide(key, id, seen.get(), action, moderator.name());
        } catch (RuntimeException e) {
            if (!DatabaseFaults.isDatabaseFault(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "The database refused a team member's decision: answering 503", e);
            return Response.fromResponse(refuseModeration(key, 503, "Temporarily unavailable", "unavailable",
                    messages.get("unavailable.moderate"), script, renderer)).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        var c = outcome.comment();
        if (!outcome.done()) {
            return refuseModeration(key, 409, "Decided meanwhile", "decided-meanwhile", decidedMeanwhile(outcome, messages), script, renderer);
        }
        var name = action.name().toLowerCase(Locale.ROOT);
        if (!script) {
            return back(key, form, action == ModerationAction.APPROVE ? "#comment-" + id
                    : next != null ? "#comment-" + next : "#" + DiscussionIds.section(key));
        }
        var out = new StringBuilder(2048);
        if (action == ModerationAction.APPROVE) {
            renderer.commentContent(out, discussion(key, FormInput.empty(), null), new CommentNode(c, false, own.contains(id), List.of()));
        } else if (action == ModerationAction.DELETE) {
            renderer.removed(out);
        }
        return html(Response.ok(), count(renderer.announcement(out, messages.get("moderate.done." + name, c.getAuthorName())), key, renderer));
    }

    /**
     * Who decided on the comment first, and what, as the member is told: the last decision recorded when it made the
     * comment what it is now (else, say, its writer deleted it: the comment changed meanwhile).
     */
    private static String decidedMeanwhile(ThreadModeration.Outcome outcome, Messages messages) {
        var c = outcome.comment();
        return outcome.earlier().filter(r -> switch (r.getAction()) {
            case APPROVE -> c.getStatus() == CommentStatus.APPROVED;
            case SPAM, BAN -> c.getStatus() == CommentStatus.SPAM;
            case DELETE -> c.getStatus() == CommentStatus.DELETED;
        }).map(r -> messages.get("moderate.already." + r.getAction().name().toLowerCase(Locale.ROOT), c.getAuthorName(), r.getModerator()))
                .orElseGet(() -> messages.get("moderate.changed", c.getAuthorName()));
    }

    /** The question before a team member deletes a comment or bans: to a script the form alone, else a page with it. */
    private Response askModeration(String key, Comment comment, ModerationAction action, Long next, boolean script, DiscussionRenderer renderer) {
        var verb = action.name().toLowerCase(Locale.ROOT);
        var banDays = BanScope.BOTH.defaultExpiry().map(Duration::toDays).orElse(0L);
        var d = discussion(key, FormInput.empty(), script ? null : visitors.formToken(request, response));
        var anchor = "#comment-" + comment.getId();
        if (script) {
            return html(Response.ok(), renderer.moderationQuestion(new StringBuilder(2048), d, comment, verb, banDays, next, anchor));
        }
        var back = returnTarget(key);
        var content = renderer.moderationQuestion(new StringBuilder(2048).append("<section class=\"hc-comments\">"), d, comment, verb,
                banDays, next, back.map(page -> page + anchor).orElse(anchor)).append("</section>");
        return html(Response.ok(), renderer.page(new StringBuilder(4096), renderer.messages().get("page.title.moderate"),
                request.getContextPath() + "/hearth/comments.css", back.map(page -> page + anchor).orElse(null), content));
    }

    /**
     * A team member's decision not taken: to a script a message to show in place; to a browser's form a page with the
     * message and a way back; to anything else an RFC 9457 problem body. Nothing was changed.
     */
    private Response refuseModeration(String key, int status, String title, String reason, String message, boolean script, DiscussionRenderer renderer) {
        var accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            return ProblemJson.of(status, title, message, reason.equals("form-expired") ? "form" : null, reason).response();
        }
        var note = renderer.moderationNote(new StringBuilder(512), message);
        if (script) {
            return html(Response.status(status), note);
        }
        var content = new StringBuilder(note.length() + 64).append("<section class=\"hc-comments\">").append(note).append("</section>");
        return html(Response.status(status), renderer.page(new StringBuilder(2048), renderer.messages().get("page.title.moderate"),
                request.getContextPath() + "/hearth/comments.css", returnTarget(key).orElse(null), content));
    }

    /**
     * Asks before a deletion: the author's own comment, still editable, with a form that deletes it; to a script the
     * form alone, to a browser without JavaScript a page with it. Anyone else's comment is refused as deleting it would be.
     */
    private Response confirmDeletion(String key, long id, Set<Long> own, boolean script, DiscussionRenderer renderer) {
        var mine = visible(id, key, own).filter(c -> own.contains(c.getId()) && edits.isEditable(c))
                .orElseThrow(() -> new InvalidCommentException("id", "not-yours", renderer.messages().get("edit.refused")));
        var d = discussion(key, FormInput.empty(), script ? null : visitors.formToken(request, response));
        var anchor = "#comment-" + id;
        if (script) {
            return html(Response.ok(), renderer.deleteConfirmation(new StringBuilder(2048), d, mine, anchor));
        }
        var back = returnTarget(key);
        var content = renderer.deleteConfirmation(new StringBuilder(2048).append("<section class=\"hc-comments\">"), d, mine,
                back.map(page -> page + anchor).orElse(anchor)).append("</section>");
        var out = renderer.page(new StringBuilder(4096), renderer.messages().get("page.title.delete"),
                request.getContextPath() + "/hearth/comments.css", back.orElse(null), content);
        return html(Response.ok(), out);
    }

    private Response edit(String key, FormInput form, Set<Long> own, boolean script, DiscussionRenderer renderer) {
        if (form.isPreview()) {
            form.preview(CommentBody.of(form.valueOrNull(FormInput.BODY)).html());
            return answer(Response.ok(), key, form, own, script, renderer, "page.title.preview");
        }
        var saved = edits.editOwn(form.edit(), own, form.valueOrNull(FormInput.BODY));
        if (!script) {
            return back(key, "#comment-" + saved.getId());
        }
        var out = new StringBuilder(2048);
        renderer.commentContent(out, discussion(key, FormInput.empty(), null), new CommentNode(saved, false, true, List.of()));
        return html(Response.ok(), renderer.announcement(out, renderer.messages().get("announce.saved")));
    }

    /**
     * The form again, with its messages or preview: to a script the form alone; to a browser without JavaScript a page
     * with the discussion, the form in its place, and a way back.
     */
    private Response answer(Response.ResponseBuilder status, String key, FormInput form, Set<Long> own, boolean script,
                            DiscussionRenderer renderer, String titleKey) {
        var out = new StringBuilder(script ? 4096 : 32768);
        if (script) {
            var d = discussion(key, form, null);
            if (form.edit() != null) {
                var editing = visible(form.edit(), key, own).orElse(null);
                renderer.form(out, d, null, null, editing);
            } else {
                var parentName = form.parent() == null ? null : visible(form.parent(), key, own).map(Comment::getAuthorName).orElse("");
                renderer.form(out, d, form.parent(), parentName, null);
            }
            return html(status, out);
        }
        var token = visitors.formToken(request, response);
        var content = new StringBuilder(32768);
        Optional<String> back;
        try {
            renderer.discussion(content, discussions.of(key, 0, CommentService.Sort.OLDEST, own, api(), token, null, null, form));
            back = returnTarget(key);
        } catch (RuntimeException e) {
            if (!DatabaseFaults.isDatabaseFault(e)) {
                throw e;
            }
            // The database cannot even be read: the form alone, with the reader's text.
            content.setLength(0);
            renderer.form(content, discussion(key, form, token), form.edit() == null ? form.parent() : null, null, null);
            back = Optional.empty();
        }
        renderer.page(out, renderer.messages().get(titleKey), request.getContextPath() + "/hearth/comments.css", back.orElse(null), content);
        return html(status, out);
    }

    /**
     * The discussion's heading as it reads after a change made in place ({@link DiscussionRenderer#count}); nothing when
     * the database cannot count now (the change itself is done, and the heading keeps its number until the next page).
     */
    private StringBuilder count(StringBuilder out, String key, DiscussionRenderer renderer) {
        try {
            return renderer.count(out, threads.find(key).map(comments::countApproved).orElse(0L));
        } catch (RuntimeException e) {
            if (!DatabaseFaults.isDatabaseFault(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "The database could not count a thread's comments after a change: the heading keeps its number", e);
            return out;
        }
    }

    /** What single parts are rendered from (see {@link Discussions#part}). */
    private Discussion discussion(String key, FormInput form, String formToken) {
        return discussions.part(key, api(), formToken == null ? visitors.formToken(request) : formToken, form);
    }

    /** The thread a comment is posted to: the registered one, or (for a page embedding a new thread) one registered now. */
    private CommentThread thread(String key, FormInput form) {
        return threads.find(key).orElseGet(() -> {
            var title = TextRules.requireStorable("title", form.valueOrNull(FormInput.TITLE));
            var url = origins.threadUrl(form.valueOrNull(FormInput.URL), key, request).orElseThrow(() -> new InvalidCommentException(
                    "url", "foreign-url", "The page must lie on this site or on an origin allowed to embed its comments."));
            try {
                return threads.findOrRegister(key, title == null || title.isBlank() ? key : title, url);
            } catch (IllegalArgumentException e) {
                throw new InvalidCommentException("thread", "invalid", "The thread key, title or URL is not valid: " + e.getMessage());
            }
        });
    }

    /** {@code 303} to the page that sent the form (see {@link #returnTarget}), at this fragment. */
    private Response back(String key, String fragment) {
        return back(key, FormInput.empty(), fragment);
    }

    /** {@code 303} to the page the form names ({@link #returnTarget(String, FormInput)}), at this fragment. */
    private Response back(String key, FormInput form, String fragment) {
        var target = returnTarget(key, form).orElseGet(() -> origins.base(request) + "/");
        return Response.seeOther(URI.create(target + fragment)).build();
    }

    /**
     * Where a form sent without JavaScript leads back to: the page that sent it ({@code Referer}, without its query) when
     * it lies on this site or an embed origin; else the thread's own URL. Never anywhere else: no open redirect.
     */
    private Optional<String> returnTarget(String key) {
        return pageToReturnTo(request.getHeader("Referer")).or(() -> threads.find(key).map(CommentThread::getUrl));
    }

    /**
     * Where a form of a page this endpoint answered (a question asked first) leads back to: the page it names in
     * {@code hc-return}, under the same rules as a {@code Referer}, else as {@link #returnTarget(String)}.
     */
    private Optional<String> returnTarget(String key, FormInput form) {
        return pageToReturnTo(form.valueOrNull(FormInput.RETURN)).or(() -> returnTarget(key));
    }

    /** This address without its query, when it names a page of this site or an embed origin. */
    private Optional<String> pageToReturnTo(String address) {
        if (address != null) {
            try {
                var page = URI.create(address);
                if (page.getRawPath() != null && origins.allows(page, request)) {
                    return Optional.of(new URI(page.getScheme(), page.getRawAuthority(), null, null, null) + page.getRawPath());
                }
            } catch (IllegalArgumentException | URISyntaxException e) {
                // not a page to go back to
            }
        }
        return Optional.empty();
    }

    /** A comment of this thread the reader may see: approved, or their own pending one. */
    private Optional<Comment> visible(long id, String key, Set<Long> own) {
        return comments.find(id).filter(c -> key.equals(threads.key(c.getThreadId())))
                .filter(c -> c.getStatus() == CommentStatus.APPROVED || c.getStatus() == CommentStatus.PENDING && own.contains(c.getId()));
    }

    /**
     * {@code 403} with a message for a page of an origin that may not show the discussion (its script may read the
     * message, and nothing else); {@link org.hearth.comments.api.EmbedOrigins} records the origin for the console.
     */
    private Response refusedOrigin(DiscussionRenderer renderer) {
        var origin = request.getHeader("Origin");
        if (origin == null || CrossSiteRequests.isFromThisSite(request, settings.embedOrigins())) {
            return null;
        }
        var message = renderer.messages().get("origin.refused", origin, origins.base(request));
        return html(Response.status(403).header("Access-Control-Allow-Origin", origin), renderer.notice(new StringBuilder(), message));
    }

    /** Why a form was refused, in the reader's language (the widget's own words when the bundle has none for it). */
    private String refusal(DiscussionRenderer renderer, InvalidCommentException e) {
        return refusals.text(e, renderer.messages().locale());
    }

    private static String requireThread(String thread) {
        if (thread == null || thread.isBlank() || thread.length() > CommentThread.KEY_MAX) {
            throw new InvalidCommentException("thread", "missing", "Name the thread: ?thread=its-key");
        }
        return thread;
    }

    /** The API's address for the page that asked: absolute, as another origin's page needs it. */
    private String api() {
        return origins.base(request) + "/api";
    }

    /**
     * The renderer in the language the host page named ({@code lang} of a fragment request, {@code hc-lang} of a form),
     * else the one the browser prefers, among the widget's languages; else English.
     */
    private DiscussionRenderer renderer(String language) {
        var languages = Languages.of();
        return DiscussionRenderer.of(languages.find(language).or(() -> languages.negotiate(request.getHeader("Accept-Language")))
                .orElse(Locale.ENGLISH));
    }

    private static Response html(Response.ResponseBuilder response, CharSequence body) {
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return response.type(HTML).cacheControl(noStore).entity(body.toString()).build();
    }

    /**
     * The fields of a form body: UTF-8, as browsers send the forms of UTF-8 pages (bytes that are not UTF-8 become
     * U+FFFD, which the widget refuses beside their field); the first value of each name.
     */
    static Map<String, String> fields(byte[] body) {
        var fields = new HashMap<String, String>();
        if (body == null || body.length == 0) {
            return fields;
        }
        for (var pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            var at = pair.indexOf('=');
            try {
                var name = URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8);
                var value = at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8);
                if (name.startsWith("hc-")) {
                    fields.putIfAbsent(name, value);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidCommentException("body", "malformed-form", "The form could not be read; please send it again.");
            }
        }
        return fields;
    }
}

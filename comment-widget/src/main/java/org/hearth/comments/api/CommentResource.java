package org.hearth.comments.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentNode;
import org.hearth.comments.comment.AuthorEdits;
import org.hearth.comments.comment.CommentPosting;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.comment.Smiles;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.host.NewComment;
import org.hearth.comments.comment.TextRules;
import org.hearth.comments.config.SiteOrigins;
import org.hearth.comments.security.OwnComments;
import org.hearth.comments.security.Visitors;
import org.hearth.comments.web.FollowUps;
import org.hearth.comments.thread.CommentThreadService;

/**
 * {@code /api/comments}: read a thread as a tree ({@code GET ?thread=&page=&sort=}), post a comment ({@code POST},
 * answered {@code 201} with {@code Location}), read, edit or delete one comment, and smile at it.
 */
@Path("comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    private static final Jsonb JSON = JsonbBuilder.create();

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
    private FollowUps followUps;

    @Inject
    private Visitors visitors;

    @Inject
    private SiteOrigins origins;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpServletResponse response;

    @Context
    private UriInfo uri;

    /** One page of a thread: its top-level comments, oldest, newest or most smiled first, each with its replies. */
    @GET
    public Response thread(@QueryParam("thread") String thread, @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("sort") @DefaultValue("oldest") String sort) {
        if (thread == null || thread.isBlank()) {
            throw new InvalidCommentException("thread", "missing", "Name the thread: ?thread=its-key");
        }
        var order = sort(sort);
        var own = visitors.ownIds(request);
        var result = comments.page(thread, page, order, own);
        var head = new ThreadJson(thread, result.thread().map(t -> t.getTitle()).orElse(null), result.thread().map(t -> t.getUrl()).orElse(null),
                order.name().toLowerCase(Locale.ROOT), result.page(), result.hasMore(), result.topLevel(), null, visitors.formToken(request));
        // The comments' JSON is written once per page everyone sees alike (the same tree while the thread is unchanged).
        var list = own.isEmpty() && result.thread().isPresent()
                ? KEPT_JSON.write(thread + "\n" + result.page() + "\n" + order, result.comments(), nodes -> json(nodes, thread))
                : json(result.comments(), thread);
        return Response.ok(JSON.toJson(head).replace("\"comments\":null", "\"comments\":" + list), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static final KeptJson KEPT_JSON = new KeptJson(1_000);

    private static String json(List<CommentNode> nodes, String thread) {
        return JSON.toJson(nodes.stream().map(n -> CommentJson.of(n, thread)).toList());
    }

    /**
     * Posts a comment; answers 201 with its address and the stored comment (approved or pending), whose
     * {@code ownerToken} proves authorship later (it is also added to the {@value OwnComments#COOKIE} cookie, for the
     * pages of this site).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response post(byte[] json) {
        var input = parse(json, NewCommentJson.class);
        var thread = TextRules.requireStorable("thread", input.thread == null ? "" : input.thread);
        TextRules.requireStorable("title", input.title);
        var commenter = visitors.commenter(request, input.form, input.homepage, false);
        var title = input.title == null || input.title.isBlank() ? thread : input.title;
        var url = pageUrl(input.url, thread);
        var comment = posting.post(title, url,
                new NewComment(thread, input.parentId, input.name, input.email, input.website, input.body), commenter);
        var done = followUps.of(comment, input.notify, request, response);
        return Response.created(location(comment)).entity(PostedCommentJson.of(json(comment, thread), done.ownerToken(), done.notifying(),
                visitors.formToken(request))).build();
    }

    /** One comment, as everyone sees it (a pending one only with its owner's token). */
    @GET
    @Path("{id:\\d{1,18}}")
    public CommentJson one(@PathParam("id") long id) {
        var comment = comments.find(id)
                .filter(c -> c.getStatus() == CommentStatus.APPROVED
                        || c.getStatus() == CommentStatus.PENDING && visitors.ownIds(request).contains(id))
                .orElseThrow(() -> new NotFoundException("No comment " + id));
        return json(comment, threadKey(comment));
    }

    /** Corrects one's own comment within the edit window; the body is {@code {"body": "..."}}. */
    @PUT
    @Path("{id:\\d{1,18}}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CommentJson edit(@PathParam("id") long id, byte[] json) {
        var input = parse(json, NewCommentJson.class);
        var comment = edits.editOwn(id, visitors.ownIds(request), input.body);
        return json(comment, threadKey(comment));
    }

    /** Deletes one's own comment within the edit window. */
    @DELETE
    @Path("{id:\\d{1,18}}")
    public Response delete(@PathParam("id") long id) {
        edits.deleteOwn(id, visitors.ownIds(request));
        return Response.noContent().build();
    }

    /** One smile per browser; answers the comment's smiles. */
    @POST
    @Path("{id:\\d{1,18}}/smiles")
    public SmilesJson smile(@PathParam("id") long id) {
        return new SmilesJson(id, smiles.smile(id, visitors.browserHash(request, response), visitors.clientHash(request)));
    }

    /** The smiles of a comment. */
    public record SmilesJson(long id, int smiles) {
    }

    private CommentJson json(Comment comment, String thread) {
        return CommentJson.of(new CommentNode(comment, false, true, List.of()), thread);
    }

    private String threadKey(Comment comment) {
        return threads.key(comment.getThreadId());
    }

    private URI location(Comment comment) {
        return uri.getBaseUriBuilder().path(CommentResource.class).path(Long.toString(comment.getId())).build();
    }

    /**
     * The canonical URL of a thread started through the API ({@link SiteOrigins#threadUrl}); another site's page is
     * refused with {@code 400}, field {@code url}, reason {@code foreign-url}.
     */
    private String pageUrl(String given, String key) {
        return origins.threadUrl(given, key, request).orElseThrow(() -> new InvalidCommentException("url", "foreign-url",
                "The page must lie on this site or on an origin allowed to embed its comments."));
    }

    private static CommentService.Sort sort(String sort) {
        try {
            return CommentService.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidCommentException("sort", "unknown-sort", "Sort by oldest, newest or top.");
        }
    }

    /** The JSON object of a request body, which must be UTF-8 (invalid bytes are refused, never replaced). */
    private static <T> T parse(byte[] body, Class<T> type) {
        var json = body == null ? null : Utf8Body.decode(body);
        try {
            var value = json == null || json.isBlank() ? null : JSON.fromJson(json, type);
            if (value == null) {
                throw new InvalidCommentException("body", "malformed-json", "The request body must be a JSON object.");
            }
            return value;
        } catch (JsonbException e) {
            throw new InvalidCommentException("body", "malformed-json", "The request body is not the JSON object expected.");
        }
    }
}

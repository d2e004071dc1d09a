package org.hearth.comments.faces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIOutput;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.event.ListenerFor;
import jakarta.faces.event.PostAddToViewEvent;
import jakarta.faces.event.PreRenderViewEvent;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentBody;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.notify.AddressConfirmations;
import org.hearth.comments.notify.ReplyNotifications;
import org.hearth.comments.comment.CommentStatus;
import org.hearth.comments.comment.InvalidCommentException;
import org.hearth.comments.comment.NewComment;
import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.config.SiteOrigins;
import org.hearth.comments.security.CrossSiteRequests;
import org.hearth.comments.security.OwnComments;
import org.hearth.comments.security.Visitors;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.CommentThreadService;

/**
 * The {@code <hc:comments thread="..." title="..." url="..."/>} tag: a thread's discussion, then the form to join it,
 * rendered on the server so that it works without JavaScript.
 * <p>
 * Forms post plain HTML to the page's own address; the component handles them before the page renders: a stored
 * comment answers with a redirect to {@code #comment-{id}} (POST-redirect-GET), a refused one renders the page again
 * with the messages beside the fields and the input kept. Nothing goes into the HTTP session: authorship travels in
 * the signed cookie {@value OwnComments#COOKIE}. The tag adds the widget's stylesheet ({@code comments.css}, themed by
 * CSS custom properties) and {@code embed.js} (which enhances the forms when JavaScript runs) to the page's head.
 *
 * <pre>{@code
 * <html xmlns:hc="hearth:comments">
 *   <hc:comments thread="#{page.slug}" title="#{page.title}" url="#{page.canonicalUrl}"/>
 * }</pre>
 */
@FacesComponent(CommentsComponent.COMPONENT_TYPE)
@ListenerFor(systemEventClass = PostAddToViewEvent.class)
public class CommentsComponent extends UIComponentBase implements SystemEventListener {

    /** The component type, as the tag library names it. */
    public static final String COMPONENT_TYPE = "org.hearth.comments.Comments";

    /** The component family. */
    public static final String COMPONENT_FAMILY = "org.hearth.comments";

    /** The Faces resource library of the widget's stylesheet and script. */
    public static final String LIBRARY = "hearth";

    static final String P_THREAD = "hc-thread";
    static final String P_PARENT = "hc-parent";
    static final String P_NAME = "hc-name";
    static final String P_EMAIL = "hc-email";
    static final String P_WEBSITE = "hc-website";
    static final String P_BODY = "hc-body";
    static final String P_HONEYPOT = "hc-homepage";
    static final String P_NOTIFY = "hc-notify";
    static final String P_FORM = "hc-form";
    static final String P_ACTION = "hc-action";
    static final String P_SMILE = "hc-smile";
    static final String P_DELETE = "hc-delete";
    static final String P_EDIT = "hc-edit";
    static final String P_REPLY = "hc-reply";
    static final String P_SORT = "hc-sort";
    static final String P_PAGE = "hc-page";

    private transient FormState form;

    @Override
    public String getFamily() {
        return COMPONENT_FAMILY;
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void processEvent(ComponentSystemEvent event) throws AbortProcessingException {
        if (event instanceof PostAddToViewEvent) {
            var context = getFacesContext();
            context.getViewRoot().subscribeToViewEvent(PreRenderViewEvent.class, this);
            addResource(context, "jakarta.faces.resource.Stylesheet", "comments.css");
            addResource(context, "jakarta.faces.resource.Script", "embed.js");
        }
    }

    /** Adds the widget's stylesheet or script to the page's head, once (the jar ships them under library "hearth"). */
    private static void addResource(FacesContext context, String rendererType, String name) {
        var root = context.getViewRoot();
        for (var existing : root.getComponentResources(context, "head")) {
            if (name.equals(existing.getAttributes().get("name")) && LIBRARY.equals(existing.getAttributes().get("library"))) {
                return;
            }
        }
        var resource = new UIOutput();
        resource.setRendererType(rendererType);
        resource.getAttributes().put("library", LIBRARY);
        resource.getAttributes().put("name", name);
        root.addComponentResource(context, resource, "head");
    }

    @Override
    public boolean isListenerForSource(Object source) {
        return true;
    }

    @Override
    public void processEvent(SystemEvent event) throws AbortProcessingException {
        var context = getFacesContext();
        var request = (HttpServletRequest) context.getExternalContext().getRequest();
        var response = (HttpServletResponse) context.getExternalContext().getResponse();
        // Before anything is written: the form's token is bound to the browser, which may need its cookie for that.
        bean(Visitors.class).formToken(request, response);
        if (!"POST".equals(request.getMethod()) || !threadKey().equals(parameter(request, P_THREAD)) || form != null) {
            return;
        }
        try {
            if (!CrossSiteRequests.isFromThisSite(request, Set.of())) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                context.responseComplete();
                return;
            }
            form = FormState.from(request);
            handlePost(context, request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handlePost(FacesContext context, HttpServletRequest request, HttpServletResponse response) throws IOException {
        var comments = bean(CommentService.class);
        var visitors = bean(Visitors.class);
        var own = visitors.ownIds(request);
        try {
            if (form.smile() != null) {
                comments.smile(form.smile(), visitors.browserHash(request, response), visitors.clientHash(request));
                redirect(context, request, response, form.smile());
            } else if (form.delete() != null) {
                comments.deleteOwn(form.delete(), own);
                redirect(context, request, response, null);
            } else if (form.edit() != null) {
                if (form.isPreview()) {
                    form.preview(CommentBody.of(form.body()).html());
                    return;
                }
                comments.editOwn(form.edit(), own, form.body());
                redirect(context, request, response, form.edit());
            } else if (form.isPreview()) {
                form.preview(CommentBody.of(form.body()).html());
            } else {
                var thread = thread();
                var stored = comments.post(thread, new NewComment(thread.getKey(), form.parent(), form.name(), form.email(), form.website(), form.body()),
                        visitors.commenter(request, form.formToken(), form.honeypot(), true));
                visitors.rememberOwn(request, response, stored.getId());
                var site = bean(SiteOrigins.class).base(request);
                if (!form.value(P_NOTIFY).isEmpty()) {
                    bean(ReplyNotifications.class).subscribe(stored.getId(), site);
                }
                bean(AddressConfirmations.class).offer(stored, site);
                redirect(context, request, response, stored.getId());
            }
        } catch (InvalidCommentException e) {
            form.refuse(e.getField(), e.getMessage());
            if (e.isTooMany()) {
                response.setStatus(429);
                e.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
            } else {
                response.setStatus(400);
            }
        }
    }

    private static void redirect(FacesContext context, HttpServletRequest request, HttpServletResponse response, Long commentId) {
        var forwarded = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        var path = forwarded != null ? forwarded : request.getRequestURI();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", path + (commentId == null ? "#hc-comments" : "#comment-" + commentId));
        context.responseComplete();
    }

    @Override
    public void encodeChildren(FacesContext context) {
        // the tag takes no children
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        var request = (HttpServletRequest) context.getExternalContext().getRequest();
        var thread = thread();
        var service = bean(CommentService.class);
        var visitors = bean(Visitors.class);
        var settings = bean(CommentSettings.class);
        var own = visitors.ownIds(request);
        var sort = sort(request.getParameter(P_SORT));
        var page = Math.max(0, parseInt(request.getParameter(P_PAGE), 0));
        var result = service.page(thread.getKey(), page, sort, own);

        var view = new DiscussionWriter(context.getResponseWriter(), Messages.of(context), settings, service, thread,
                basePath(request), form == null ? FormState.empty() : form,
                visitors.formToken(request, (HttpServletResponse) context.getExternalContext().getResponse()));
        view.write(result, sort, parseLong(request.getParameter(P_REPLY)), parseLong(request.getParameter(P_EDIT)), own,
                context.getExternalContext().getRequestContextPath());
    }

    private static String basePath(HttpServletRequest request) {
        var forwarded = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        return forwarded != null ? forwarded : request.getRequestURI();
    }

    /** The thread named by the tag's attributes, registered (or updated) with its title and canonical URL. */
    private CommentThread thread() {
        return bean(CommentThreadService.class).register(threadKey(), (String) getAttributes().get("title"), (String) getAttributes().get("url"));
    }

    private String threadKey() {
        var key = getAttributes().get("thread");
        if (key == null) {
            throw new IllegalStateException("<hc:comments> needs a thread attribute");
        }
        return key.toString();
    }

    private static CommentService.Sort sort(String value) {
        if (value != null) {
            for (var sort : CommentService.Sort.values()) {
                if (sort.name().equalsIgnoreCase(value)) {
                    return sort;
                }
            }
        }
        return CommentService.Sort.OLDEST;
    }

    static Long parseLong(String value) {
        return value != null && value.matches("\\d{1,18}") ? Long.valueOf(value) : null;
    }

    private static int parseInt(String value, int fallback) {
        return value != null && value.matches("\\d{1,6}") ? Integer.parseInt(value) : fallback;
    }

    /**
     * A form field as the reader typed it. Browsers send a form in its page's encoding (UTF-8) without naming it, and a
     * container told no other encoding decodes it as ISO-8859-1, the Servlet default, which turns "José" into
     * "JosÃ©": the bytes are then taken back (ISO-8859-1 maps each byte to one char) and decoded as UTF-8, bytes that are
     * not UTF-8 becoming U+FFFD, which the widget refuses to store.
     */
    static String parameter(HttpServletRequest request, String name) {
        var value = request.getParameter(name);
        var encoding = request.getCharacterEncoding();
        if (value == null || encoding != null && !StandardCharsets.ISO_8859_1.name().equalsIgnoreCase(encoding)) {
            return value;
        }
        return new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    /** What a reader submitted, and what the widget answers about it (messages by field, a preview). */
    static final class FormState {

        private final Map<String, String> values;
        private final Map<String, String> errors = new HashMap<>();
        private String preview;

        private FormState(Map<String, String> values) {
            this.values = values;
        }

        static FormState empty() {
            return new FormState(Map.of());
        }

        static FormState from(HttpServletRequest request) {
            var values = new HashMap<String, String>();
            for (var name : Set.of(P_PARENT, P_NAME, P_EMAIL, P_WEBSITE, P_BODY, P_HONEYPOT, P_FORM, P_ACTION, P_SMILE, P_DELETE, P_EDIT, P_NOTIFY)) {
                Optional.ofNullable(parameter(request, name)).ifPresent(v -> values.put(name, v));
            }
            return new FormState(values);
        }

        String value(String name) {
            return values.getOrDefault(name, "");
        }

        String name() {
            return values.get(P_NAME);
        }

        String email() {
            return values.get(P_EMAIL);
        }

        String website() {
            return values.get(P_WEBSITE);
        }

        String body() {
            return values.get(P_BODY);
        }

        String honeypot() {
            return values.getOrDefault(P_HONEYPOT, "");
        }

        String formToken() {
            return values.get(P_FORM);
        }

        Long parent() {
            return parseLong(values.get(P_PARENT));
        }

        Long smile() {
            return parseLong(values.get(P_SMILE));
        }

        Long delete() {
            return parseLong(values.get(P_DELETE));
        }

        Long edit() {
            return parseLong(values.get(P_EDIT));
        }

        boolean isPreview() {
            return "preview".equals(values.get(P_ACTION));
        }

        boolean isSubmitted() {
            return !values.isEmpty();
        }

        void refuse(String field, String message) {
            errors.put(field, message);
        }

        Map<String, String> errors() {
            return errors;
        }

        void preview(String html) {
            this.preview = html;
        }

        String preview() {
            return preview;
        }
    }

    static boolean isOwnEditable(CommentService service, Comment comment, Set<Long> own) {
        return own.contains(comment.getId()) && comment.getStatus() != CommentStatus.DELETED && service.isEditable(comment);
    }
}

package org.hearth.comments.faces;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.component.UIOutput;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.faces.event.ListenerFor;
import jakarta.faces.event.PostAddToViewEvent;
import jakarta.faces.event.PreRenderViewEvent;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.config.SiteOrigins;
import org.hearth.comments.render.DiscussionRenderer;
import org.hearth.comments.render.FormInput;
import org.hearth.comments.render.RenderBuffers;
import org.hearth.comments.security.OwnComments;
import org.hearth.comments.security.Visitors;
import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.thread.ThreadRevisions;
import org.hearth.comments.web.DiscussionResource;
import org.hearth.comments.web.Discussions;

/**
 * The {@code <hc:comments thread="..." title="..." url="..."/>} tag: a thread's discussion, then the form to join it,
 * rendered on the server (by {@link DiscussionRenderer}, which embed.js's fragments come from too) so that it works
 * without JavaScript.
 * <p>
 * The tag only shows: its forms post to the widget's endpoint ({@link DiscussionResource}, {@code /api/discussion}),
 * which answers a stored comment with a redirect back to {@code #comment-{id}} of this page. The query parameters
 * {@code hc-sort}, {@code hc-page}, {@code hc-reply} and {@code hc-edit} choose the order, the page, and an open reply
 * or edit form. Nothing goes into the HTTP session: authorship travels in the signed cookie {@value OwnComments#COOKIE}.
 * The tag adds the widget's stylesheet ({@code comments.css}, themed by CSS custom properties) and {@code embed.js}
 * (which enhances the forms when JavaScript runs) to the page's head.
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

    private static final RenderBuffers BUFFERS = new RenderBuffers();

    private static final Map<Class<?>, Object> BEANS = new ConcurrentHashMap<>();

    private static final int MAX_REGISTERED = 256;
    /** The threads this instance registered, with what the host passed, at the revision they had. */
    private static final Map<List<String>, Long> REGISTERED = new ConcurrentHashMap<>();

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

    /** Before anything is written: the form's token is bound to the browser, which may need its cookie for that. */
    @Override
    public void processEvent(SystemEvent event) throws AbortProcessingException {
        var external = getFacesContext().getExternalContext();
        bean(Visitors.class).formToken((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse());
    }

    @Override
    public void encodeChildren(FacesContext context) {
        // the tag takes no children
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        var external = context.getExternalContext();
        var request = (HttpServletRequest) external.getRequest();
        var response = (HttpServletResponse) external.getResponse();
        var key = threadKey();
        register(key, (String) getAttributes().get("title"), (String) getAttributes().get("url"));
        var visitors = bean(Visitors.class);
        var discussion = bean(Discussions.class).of(key, Discussions.page(request.getParameter(FormInput.PAGE)),
                Discussions.sort(request.getParameter(FormInput.SORT)), visitors.ownIds(request), bean(SiteOrigins.class).base(request) + "/api",
                visitors.formToken(request, response), FormInput.parseId(request.getParameter(FormInput.REPLY)),
                FormInput.parseId(request.getParameter(FormInput.EDIT)), FormInput.empty()).withFeed((String) getAttributes().get("feed"));
        var locale = context.getViewRoot() == null ? null : context.getViewRoot().getLocale();
        var renderer = DiscussionRenderer.of(locale);
        BUFFERS.write(context.getResponseWriter(), out -> renderer.discussion(out, discussion));
    }

    /**
     * Registers the thread as the host names it, unless this instance registered it with the same title and URL at its
     * current revision (the thread exists then, and only a host passing other words changes them).
     */
    private static void register(String key, String title, String url) {
        var what = Arrays.asList(key, title, url);
        long revision = bean(ThreadRevisions.class).of(key).number();
        if (!Long.valueOf(revision).equals(REGISTERED.get(what))) {
            bean(CommentThreadService.class).register(key, title, url);
            if (REGISTERED.size() >= MAX_REGISTERED) {
                REGISTERED.clear();
            }
            REGISTERED.put(what, revision);
        }
    }

    private String threadKey() {
        var key = getAttributes().get("thread");
        if (key == null) {
            throw new IllegalStateException("<hc:comments> needs a thread attribute");
        }
        return key.toString();
    }

    /** An application-scoped bean's client proxy, looked up once (a lookup per render cost more than the bean's work). */
    private static <T> T bean(Class<T> type) {
        return type.cast(BEANS.computeIfAbsent(type, t -> CDI.current().select(t).get()));
    }
}

package org.hearth.comments.share;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.hearth.comments.render.Messages;
import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.host.ShareNetwork;
import org.hearth.comments.thread.ThreadRevisions;

/**
 * Backs the {@code <hc:share>} tag: registers the thread the host names (key, title, canonical URL) and gives the
 * links of its share bar with their counts. Usable as {@code #{hcShareBar.of(key, title, url)}}.
 * <p>
 * A bar is kept per language under its thread's {@linkplain ThreadRevisions revision} (which every counted share
 * raises, on any instance) and is built again, registering the thread again, when the revision or anything the host passes changed.
 */
@Named("hcShareBar")
@ApplicationScoped
public class ShareBar {

    @Inject
    private CommentThreadService threads;

    @Inject
    private ShareCounter counter;

    @Inject
    private HttpServletRequest request;

    @Inject
    private ThreadRevisions revisions;

    private record Kept(long revision, View view) {
    }

    static final int MAX_KEPT = 256;
    private final Map<List<String>, Kept> kept = new ConcurrentHashMap<>();

    /** The request attribute holding this request's share bars (a bean per request costs more than the bar). */
    private static final String VIEWS = ShareBar.class.getName() + ".views";

    /**
     * The share bar of a thread, registering the thread (or updating its title and URL) first.
     *
     * @throws IllegalArgumentException when the key, title or URL breaks the thread's rules
     */
    public View of(String key, String title, String url) {
        return of(key, title, url, null);
    }

    /**
     * Like {@link #of(String, String, String)}, with the words share messages carry instead of the title.
     *
     * @param text blank for the title
     */
    public View of(String key, String title, String url, String text) {
        // The tag's page refers to its bar several times, and each reference evaluates this again: once per request.
        @SuppressWarnings("unchecked")
        var views = (Map<List<String>, View>) request.getAttribute(VIEWS);
        if (views == null) {
            views = new HashMap<>();
            request.setAttribute(VIEWS, views);
        }
        // One bar per language too: its e-mail link is named in the view's language.
        return views.computeIfAbsent(Arrays.asList(key, title, url, text, messages().locale().toLanguageTag()), this::keptView);
    }

    private View keptView(List<String> of) {
        // The revision is read before the counts: a share counted meanwhile leaves the bar kept under the older one.
        long revision = revisions.of(of.get(0)).number();
        var bar = kept.get(of);
        if (bar != null && bar.revision() == revision) {
            return bar.view();
        }
        var view = view(of.get(0), of.get(1), of.get(2), of.get(3));
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(of, new Kept(revision, view));
        return view;
    }

    private View view(String key, String title, String url, String text) {
        var thread = threads.register(key, title, url);
        counter.keepMessage(thread, text);
        var tally = counter.tally(thread);
        var base = request.getContextPath() + "/share/";
        var query = "?thread=" + URLEncoder.encode(thread.getKey(), StandardCharsets.UTF_8).replace("+", "%20");
        var links = new ArrayList<Link>();
        for (var network : ShareNetwork.values()) {
            var name = network == ShareNetwork.EMAIL ? messages().get("share.network.email") : network.label();
            // The Mastodon page asks for the reader's server in the language of the page the link is on.
            var href = base + network.id() + query + (network == ShareNetwork.MASTODON ? "&lang=" + messages().locale().toLanguageTag() : "");
            links.add(new Link(network.id(), name, href, tally.of(network), ICONS.get(network)));
        }
        return new View(thread.getKey(), thread.getUrl(), counter.message(thread), base + "counts" + query, List.copyOf(links), tally.total());
    }

    /** The widget's text of {@code key} in the view's language. */
    public String text(String key) {
        return messages().get(key);
    }

    /** The widget's text of {@code key} for a count, such as "3 shares", in the view's language. */
    public String text(String key, long count) {
        return messages().get(key, count);
    }

    /**
     * The forms of a plural text by CLDR category, as JSON for share.js, such as {@code {"one":"# share","other":"#
     * shares"}} (which picks one with {@code Intl.PluralRules} when a count changes).
     */
    public String pluralForms(String key) {
        return messages().pluralForms(key);
    }

    private Messages messages() {
        var faces = FacesContext.getCurrentInstance();
        return Messages.of(faces == null || faces.getViewRoot() == null ? null : faces.getViewRoot().getLocale());
    }

    /** One share bar: its links and the total shares. */
    public record View(String thread, String url, String title, String countsUrl, List<Link> links, long total) {
    }

    /** One link of a share bar. */
    public record Link(String id, String name, String href, long count, String icon) {
    }

    /** Our own line icons (24×24, drawn with the current text colour): no network's asset is ever loaded. */
    private static final Map<ShareNetwork, String> ICONS = Map.of(
            ShareNetwork.X, "M5 4l14 16M19 4L5 20",
            ShareNetwork.FACEBOOK, "M14 8h3V4h-3a4 4 0 0 0-4 4v3H7v4h3v6h4v-6h3l1-4h-4V8.5a.5.5 0 0 1 .5-.5z",
            ShareNetwork.LINKEDIN, "M4 9h4v11H4zM6 4.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zM11 9h4v2a4 4 0 0 1 5 3.5V20h-4v-5a1.5 1.5 0 0 0-3 0v5h-2z",
            ShareNetwork.EMAIL, "M3 6h18v12H3zM3 6l9 7 9-7",
            ShareNetwork.BLUESKY, "M12 11C10 7 6 4 4 5s-1 6 3 7c-3 1-3 4 0 5s4-2 5-5c1 3 2 6 5 5s3-4 0-5c4-1 5-6 3-7s-6 2-8 6z",
            ShareNetwork.MASTODON, "M6 4h12a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-5l-4 3v-3H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zM8 13V9a2 2 0 0 1 4 0v4M12 9a2 2 0 0 1 4 0v4");
}

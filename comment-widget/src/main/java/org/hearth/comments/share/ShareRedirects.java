package org.hearth.comments.share;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.host.ShareNetwork;

/**
 * The first-party share counter.
 * <ul>
 * <li>{@code GET /share/{network}?thread={key}} counts the share (once per client, network, thread and day) and
 * answers {@code 302} to the network's fixed intent URL for the thread's stored canonical URL and title. Nothing in
 * the request decides where it redirects: an unknown network or thread is a {@code 404}.</li>
 * <li>{@code GET /share/mastodon?thread={key}[&instance={host}]} has no single host to redirect to: it shows a small
 * page that asks for the reader's instance, then links (never redirects) to that instance's share page.</li>
 * <li>{@code POST /share/{network}?thread={key}} only counts ({@code 204}): the widget's script uses it where it opens
 * the share itself (Mastodon, the browser's share sheet).</li>
 * <li>{@code GET /share/counts?thread={key}} answers the thread's counts as JSON.</li>
 * </ul>
 */
@WebServlet(name = "HearthShareCounter", urlPatterns = "/share/*")
public class ShareRedirects extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ShareRedirects.class.getName());

    @Inject
    private CommentThreadService threads;

    @Inject
    private ShareCounter counter;

    @Inject
    private ShareKey clients;

    @Inject
    private MastodonPage mastodonPage;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        var segment = segment(request);
        var thread = thread(request);
        if ("counts".equals(segment) && thread.isPresent()) {
            writeCounts(response, thread.get());
            return;
        }
        var network = ShareNetwork.byId(segment);
        if (network.isEmpty() || thread.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (network.get() == ShareNetwork.MASTODON) {
            mastodon(request, response, thread.get());
            return;
        }
        var target = network.get().intentUrl(thread.get().getUrl(), counter.message(thread.get()));
        redirect(response, target);
        count(request, thread.get(), network.get());
    }

    /**
     * A {@code 302} to the network's intent exactly as written. Not {@code sendRedirect}: a container takes an address
     * without {@code ://} ({@code mailto:?subject=...}) for a path and resolves it against the request. The share is
     * counted only after this, so that one whose redirect could not be made is never counted.
     */
    private static void redirect(HttpServletResponse response, String target) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var network = ShareNetwork.byId(segment(request));
        var thread = thread(request);
        if (network.isEmpty() || thread.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        count(request, thread.get(), network.get());
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void mastodon(HttpServletRequest request, HttpServletResponse response, CommentThread thread) throws IOException {
        var typed = request.getParameter("instance");
        if (typed == null) {
            mastodonPage.ask(request, response, thread, null, false);
            return;
        }
        var instance = ShareNetwork.mastodonInstance(typed);
        if (instance.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            mastodonPage.ask(request, response, thread, typed, true);
            return;
        }
        count(request, thread, ShareNetwork.MASTODON);
        mastodonPage.proceed(request, response, thread,
                instance.get(), ShareNetwork.mastodonIntentUrl(instance.get(), thread.getUrl(), counter.message(thread)));
    }

    private void count(HttpServletRequest request, CommentThread thread, ShareNetwork network) {
        try {
            // ShareCounter.count already runs again when two first shares collide; a share it cannot count still leaves.
            counter.count(thread, network, clients.client(request), clients.today());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A share of " + network.id() + " could not be counted", e);
        }
    }

    private void writeCounts(HttpServletResponse response, CommentThread thread) throws IOException {
        var tally = counter.tally(thread);
        var networks = Json.createObjectBuilder();
        for (var network : ShareNetwork.values()) {
            networks.add(network.id(), tally.of(network));
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("thread", thread.getKey())
                .add("total", tally.total())
                .add("networks", networks)
                .build().toString());
    }

    /** The single path segment after {@code /share/}, or empty for anything else. */
    private static String segment(HttpServletRequest request) {
        var path = request.getPathInfo();
        return path == null || path.length() < 2 || path.indexOf('/', 1) >= 0 ? "" : path.substring(1);
    }

    private Optional<CommentThread> thread(HttpServletRequest request) {
        var keys = request.getParameterValues("thread");
        if (keys == null || keys.length != 1) {
            return Optional.empty();
        }
        try {
            return threads.find(CommentThread.requireKey(keys[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package org.hearth.web.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.post.PostChanged;
import org.hearth.blog.post.PostService;
import org.hearth.comments.host.PageHints;
import org.hearth.web.error.RefusedRequests;
import org.hearth.web.feed.SiteAddress;
import org.hearth.web.language.ReaderLanguages;

/**
 * Keeps the rendered HTML of post pages for anonymous readers, so that a page is rendered once per change rather than
 * once per reader.
 * <p>
 * <b>What is kept.</b> A post page asked for with {@code GET} or {@code HEAD} by a reader without a session and without
 * a sign-in, one per language ({@link ReaderLanguages}), discussion sort and page: the key keeps only those two parameters, normalized as the widget reads
 * them (other parameters, unknown values and cookies change nothing); not for a request offering an HTTP/2 upgrade
 * ({@code h2c}, see {@link #isCacheable}). A page the view marked as
 * {@linkplain #RENDERED cacheable} and that answered 200 without setting a cookie is kept with its headers; the form
 * token the widget wrote into it is replaced by a fresh one for every reader, so the widget's minimum time between
 * showing and posting a form still counts from each reader's visit.
 * <p>
 * <b>When it is dropped.</b> A kept page is served only while everything it was rendered from is unchanged:
 * <ul>
 * <li>its discussion's {@linkplain PageHints#revision revision} (any comment posted, edited, moderated or smiled at, any
 *     share counted);</li>
 * <li>the post: on a database only this server opens (embedded Derby), any post published, revised, renamed or
 *     unpublished through {@link PostService} ({@link PostChanged}) or any {@link PageChanged} drops every kept page;
 *     on a database other servers share, the post's version is read (one short query) at every request as well, so a
 *     change made on another server shows at once;</li>
 * <li>its age: at most {@value #SECONDS_PROPERTY} seconds (default {@value #DEFAULT_SECONDS}), because comments show
 *     their age in words ("5 minutes ago").</li>
 * </ul>
 * <b>Pages of their own.</b> A reader gets a fresh rendering instead when the page differs for them: the widget's
 * reply or edit form is asked for ({@code hc-reply}, {@code hc-edit}), or their own-comments cookie
 * proves (signature checked) a comment of this discussion that is still pending or editable ({@link PageHints#authorSeesOwnComments}); a
 * forged or empty cookie gets the kept page. Such renders, and renders of a sort or page the cache does not hold yet,
 * are limited to {@value #FORCED_RENDERS} per client address (and own-comments cookie) in {@value #FORCED_WINDOW_SECONDS}
 * seconds (plenty for a reader, little for a script); beyond that the client gets the kept page for its sort and page, or, when none is
 * kept, {@code 429} with {@code Retry-After}. Requests that offer an HTTP/2 upgrade ({@code h2c}) cannot safely get a
 * kept page (see {@code isCacheable}): their renders have a budget of their own, {@value #UPGRADE_RENDERS} in
 * {@value #FORCED_WINDOW_SECONDS} seconds per address, then {@code 429}.
 * <p>
 * At most {@value #MEGABYTES_PROPERTY} megabytes (default {@value #DEFAULT_MEGABYTES}) are kept; the oldest pages go
 * first. {@code -Dhearth.page-cache.seconds=0} turns the cache off. Responses say {@code X-Hearth-Cache: hit} or
 * {@code miss}.
 */
@ApplicationScoped
public class PageCache {

    /**
     * The request attribute by which a view marks its page as cacheable, with what it was rendered from (a
     * {@link Rendered}); set it before the page renders, after reading what it shows.
     */
    public static final String RENDERED = "org.hearth.web.cache.rendered";

    public static final String SECONDS_PROPERTY = "hearth.page-cache.seconds";
    public static final String MEGABYTES_PROPERTY = "hearth.page-cache.megabytes";
    static final int DEFAULT_SECONDS = 60;
    static final int DEFAULT_MEGABYTES = 32;
    static final String HEADER = "X-Hearth-Cache";

    private static final Logger LOG = Logger.getLogger(PageCache.class.getName());
    static final int FORCED_RENDERS = 20;
    static final int UPGRADE_RENDERS = 60;
    static final int RENDER_WAIT_SECONDS = 2;
    static final int FORCED_WINDOW_SECONDS = 10;
    private static final List<String> PERSONAL_PARAMETERS = List.of("hc-reply", "hc-edit");
    private static final List<String> NOT_REPLAYED = List.of("content-length", "date", "set-cookie", "etag", "last-modified",
            HEADER.toLowerCase());

    /**
     * What a cacheable page was rendered from.
     *
     * @param slug           the post's slug
     * @param postVersion    the post's version
     * @param threadKey      the key of the post's discussion
     * @param threadRevision the discussion's revision, read before the discussion was
     * @param version        the page's validators
     */
    public record Rendered(String slug, long postVersion, String threadKey, long threadRevision, PageVersions.Version version) {
    }

    /** A kept page: its body cut where the form token was, its headers, and what it was rendered from. */
    record Entry(List<byte[]> parts, Map<String, List<String>> headers, String contentType, Rendered rendered,
                 long siteRevision, long storedAt, int size) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** The pages being rendered for keeping, by key: readers of the same page wait for that rendering. */
    private final Map<String, CompletableFuture<Void>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong siteRevision = new AtomicLong();
    private final long maxAgeNanos = TimeUnit.SECONDS.toNanos(Math.max(0, setting(SECONDS_PROPERTY, DEFAULT_SECONDS)));
    private final long maxBytes = Math.max(1, setting(MEGABYTES_PROPERTY, DEFAULT_MEGABYTES)) * 1024L * 1024L;

    @Inject
    private PageHints hints;

    @Inject
    private PostService posts;

    @Inject
    private ReaderLanguages languages;

    private final ForcedRenders forcedRenders = new ForcedRenders(FORCED_RENDERS, FORCED_WINDOW_SECONDS, TimeUnit.SECONDS, System::nanoTime);
    private final ForcedRenders upgradeRenders = new ForcedRenders(UPGRADE_RENDERS, FORCED_WINDOW_SECONDS, TimeUnit.SECONDS, System::nanoTime);

    /** Renders a page (into the response given). */
    @FunctionalInterface
    public interface Renderer {
        void render(HttpServletResponse response) throws IOException, ServletException;
    }

    void postChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) PostChanged event) {
        siteRevision.incrementAndGet();
    }

    void pageChanged(@Observes PageChanged event) {
        siteRevision.incrementAndGet();
    }

    /**
     * Answers a request for the post page with this slug: from a kept page when it is still current, else by
     * rendering it (and keeping it when it may be kept).
     */
    public void serve(HttpServletRequest request, HttpServletResponse response, String slug, Renderer renderer)
            throws IOException, ServletException {
        if (!isCacheable(request)) {
            var client = hints.clientHash(request);
            if (request.getHeader("Upgrade") != null && maxAgeNanos > 0 && !upgradeRenders.allow(client)) {
                // An upgrade offer cannot have the kept page (see isCacheable): it renders, on a budget of its own.
                response.setHeader("Retry-After", Long.toString(upgradeRenders.secondsUntilAllowed(client)));
                RefusedRequests.answer(request, response, "too-many");
                return;
            }
            renderer.render(response);
            return;
        }
        // One copy per language: the site's address and the reader's language start the key.
        var site = SiteAddress.of(request) + " " + languages.of(request).toLanguageTag();
        var key = key(site, slug, request::getParameter);
        var entry = entries.get(key);
        var current = entry != null && isCurrent(entry);
        var personal = hasPersonalParameter(request::getParameter) || provesOwnCommentsShown(request, entry);
        if (personal || !current && !key.equals(key(site, slug, name -> null))) {
            // Per address, and per author behind it: readers behind one proxy do not share the budget of their own pages,
            // while a script's cookie is worth one budget (a cookie takes a stored comment, which the rate limit bounds).
            var client = hints.clientHash(request) + hints.ownCommentsProof(request).map(own -> "|" + own.hashCode()).orElse("");
            if (!forcedRenders.allow(client)) {
                if (current) {
                    replay(entry, request, response);
                } else {
                    response.setHeader("Retry-After", Long.toString(forcedRenders.secondsUntilAllowed(client)));
                    RefusedRequests.answer(request, response, "too-many");
                }
                return;
            }
            if (personal) {
                renderer.render(response);
                return;
            }
        }
        if (current) {
            replay(entry, request, response);
            return;
        }
        var mine = new CompletableFuture<Void>();
        var running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            // Another reader renders this page right now (a busy discussion changes often, and its readers all come at
            // once): wait for it, and take its page if it is current for this reader too (it read a revision at least as
            // new as the one this reader would); else render as well.
            awaitRender(running);
            var rendered = entries.get(key);
            if (rendered != null && isCurrent(rendered)) {
                replay(rendered, request, response);
                return;
            }
            renderAndKeep(request, response, slug, key, renderer);
            return;
        }
        try {
            renderAndKeep(request, response, slug, key, renderer);
        } finally {
            rendering.remove(key, mine);
            mine.complete(null);
        }
    }

    private void renderAndKeep(HttpServletRequest request, HttpServletResponse response, String slug, String key, Renderer renderer)
            throws IOException, ServletException {
        long site = siteRevision.get();
        response.setHeader(HEADER, "miss");
        var captured = new CapturedResponse(response);
        renderer.render(captured);
        if (request.getAttribute(RENDERED) instanceof Rendered rendered && slug.equals(rendered.slug()) && captured.isPage()
                && request.getSession(false) == null) {
            keep(key, rendered, site, captured, response, hints.formTokenOfThisRequest(request).orElse(null));
        }
        captured.finish();
    }

    /** Waits for another request's rendering of a page, {@value #RENDER_WAIT_SECONDS} seconds at most. */
    private static void awaitRender(CompletableFuture<Void> running) {
        try {
            running.get(RENDER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // then this request renders by itself
        }
    }

    private boolean isCacheable(HttpServletRequest request) {
        // Not for a request that offers an HTTP/2 upgrade (h2c, which Java's HTTP client sends, browsers never do):
        // GlassFish 8.0.0 breaks the upgraded connection of some larger answers given at once (unframed bytes or closed
        // early). With a new Java client per request: 8 of 417 kept pages (19 KB) failed, 4 of 115 embed.js (24 KB,
        // Faces), 2 of 2,000 rendered pages; none of 2,000 /health, 1,000 /about (3 KB).
        // A benchmark's request (it holds the server's benchmark secret) renders like a signed-in reader's: bench/run measures both.
        return maxAgeNanos > 0 && request.getHeader("Upgrade") == null
                && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && request.getSession(false) == null && request.getUserPrincipal() == null
                && !PageHints.isBenchmark(request);
    }

    /** Whether the request asks for the widget's reply or edit form (a number, as the widget reads it). */
    static boolean hasPersonalParameter(Function<String, String> parameters) {
        return PERSONAL_PARAMETERS.stream().map(parameters).anyMatch(v -> v != null && v.matches("\\d{1,18}"));
    }

    /**
     * Whether the request proves comments of its own that the page shows differently to their author (see
     * {@link PageHints#authorSeesOwnComments}); without a kept page to tell the discussion, any verified comment counts.
     */
    private boolean provesOwnCommentsShown(HttpServletRequest request, Entry entry) {
        return hints.authorSeesOwnComments(request, entry == null ? null : entry.rendered().threadKey());
    }

    /**
     * The key of the page asked for: the site's address (pages hold absolute links to it), the slug, and the
     * discussion's sort and page exactly as the widget reads them (a sort's name in any case, a page of up to six
     * digits), left out when they are the default (oldest first, page 0) or unusable; every other parameter is ignored.
     */
    static String key(String site, String slug, Function<String, String> parameters) {
        var key = new StringBuilder(site).append(' ').append(slug);
        var sort = parameters.apply(PageHints.SORT_PARAMETER);
        PageHints.SORTS.stream().filter(known -> known.equalsIgnoreCase(sort)).findFirst()
                .ifPresent(known -> key.append("&" + PageHints.SORT_PARAMETER + "=").append(known));
        var page = parameters.apply(PageHints.PAGE_PARAMETER);
        if (page != null && page.matches("\\d{1,6}") && Integer.parseInt(page) > 0) {
            key.append("&" + PageHints.PAGE_PARAMETER + "=").append(Integer.parseInt(page));
        }
        return key.toString();
    }

    private boolean isCurrent(Entry entry) {
        var rendered = entry.rendered();
        if (System.nanoTime() - entry.storedAt() > maxAgeNanos || entry.siteRevision() != siteRevision.get()
                || hints.revision(rendered.threadKey()).number() != rendered.threadRevision()) {
            return false;
        }
        // Only another server can change the post behind this one's back, and only when they share the database.
        return !hints.isDatabaseShared() || posts.visibleVersion(rendered.slug()).equals(OptionalLong.of(rendered.postVersion()));
    }

    private void replay(Entry entry, HttpServletRequest request, HttpServletResponse response) throws IOException {
        entry.headers().forEach((name, values) -> {
            response.setHeader(name, values.getFirst());
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
        });
        response.setHeader(HEADER, "hit");
        if (Validators.answeredNotModified(request, response, entry.rendered().version())) {
            return;
        }
        response.setContentType(entry.contentType());
        var token = entry.parts().size() > 1 ? hints.formToken(request, response).getBytes(StandardCharsets.US_ASCII) : new byte[0];
        response.setContentLength(entry.size() + (entry.parts().size() - 1) * token.length);
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        var out = response.getOutputStream();
        for (int i = 0; i < entry.parts().size(); i++) {
            if (i > 0) {
                out.write(token);
            }
            out.write(entry.parts().get(i));
        }
    }

    private void keep(String key, Rendered rendered, long site, CapturedResponse captured, HttpServletResponse response, String token) {
        var body = captured.body();
        var parts = token == null ? List.of(body) : split(body, token.getBytes(StandardCharsets.US_ASCII));
        if (token != null && parts.size() < 2) {
            LOG.warning(() -> "The page " + key + " holds no form token as written; it is not kept");
            return;
        }
        var headers = new LinkedHashMap<String, List<String>>();
        for (var name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase())) {
                headers.put(name, List.copyOf(response.getHeaders(name)));
            }
        }
        int size = parts.stream().mapToInt(part -> part.length).sum();
        var previous = entries.put(key, new Entry(parts, headers, response.getContentType(), rendered, site, System.nanoTime(), size));
        bytes.addAndGet(size - (previous == null ? 0 : previous.size()));
        if (bytes.get() > maxBytes) {
            evictOldest();
        }
    }

    /** Drops the oldest pages until a quarter of the space is free. */
    private synchronized void evictOldest() {
        var oldestFirst = new ArrayList<>(entries.entrySet());
        oldestFirst.sort(Comparator.comparingLong(e -> e.getValue().storedAt()));
        for (var e : oldestFirst) {
            if (bytes.get() <= maxBytes * 3 / 4) {
                break;
            }
            if (entries.remove(e.getKey(), e.getValue())) {
                bytes.addAndGet(-e.getValue().size());
            }
        }
    }

    /** The body cut at every occurrence of the token (which is left out). */
    static List<byte[]> split(byte[] body, byte[] token) {
        var parts = new ArrayList<byte[]>();
        int start = 0;
        for (int i = indexOf(body, token, 0); i >= 0; i = indexOf(body, token, start)) {
            parts.add(Arrays.copyOfRange(body, start, i));
            start = i + token.length;
        }
        parts.add(Arrays.copyOfRange(body, start, body.length));
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int setting(String property, int fallback) {
        try {
            return Integer.parseInt(System.getProperty(property, String.valueOf(fallback)).strip());
        } catch (NumberFormatException e) {
            LOG.warning(() -> "The JVM option -D" + property + " is not a number; using " + fallback);
            return fallback;
        }
    }
}

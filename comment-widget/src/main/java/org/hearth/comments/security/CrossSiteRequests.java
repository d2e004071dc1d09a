package org.hearth.comments.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells a request a browser sent from this site's own pages from one another site's page made it send: the defence of
 * every state-changing request (posting, smiling, editing, signing in) against cross-site request forgery.
 * <p>
 * A browser names the page a request comes from in {@code Origin} (every POST of a current browser) and says in
 * {@code Sec-Fetch-Site} whether it is {@code same-origin}, {@code same-site}, {@code cross-site} or {@code none} (typed
 * by the user). A request is from this site when its {@code Origin} names the host the request was sent to (its
 * {@code Host} header, which a page on another site cannot choose) or one of the given trusted origins; lacking an
 * {@code Origin}, when {@code Sec-Fetch-Site} is absent, {@code same-origin} or {@code none} and the {@code Referer},
 * if any, names this host. A request without any of these headers comes from a program, not a browser page, and
 * carries no visitor's cookies an attacker could borrow: it passes (the form token still has to be valid).
 *
 * <pre>{@code
 * if (request.getMethod().equals("POST") && !CrossSiteRequests.isFromThisSite(request, Set.of())) {
 *     response.sendError(403);
 * }
 * }</pre>
 */
public final class CrossSiteRequests {

    private CrossSiteRequests() {
    }

    /** Whether an HTTP method changes state (anything but GET, HEAD, OPTIONS and TRACE). */
    public static boolean isUnsafe(String method) {
        return !switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> false;
        };
    }

    /**
     * Whether this request comes from a page of this site (or of one of {@code trustedOrigins}), or from a program.
     *
     * @param trustedOrigins other origins whose pages may send it, as {@code scheme://host[:port]} (the widget's embed
     *                       origins for its JSON API; empty for forms)
     */
    public static boolean isFromThisSite(HttpServletRequest request, Set<String> trustedOrigins) {
        var origin = request.getHeader("Origin");
        if (origin != null) {
            return trustedOrigins.contains(origin) || namesThisHost(origin, request);
        }
        var fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return false;
        }
        var referer = request.getHeader("Referer");
        return referer == null || namesThisHost(referer, request);
    }

    /** Whether the URL's (or origin's) host and port are those of the {@code Host} the request was sent to. */
    private static boolean namesThisHost(String url, HttpServletRequest request) {
        var host = request.getHeader("Host");
        if (host == null || url.equals("null")) {
            return false;
        }
        try {
            var page = new URI(url);
            var sent = new URI("http://" + host);
            if (page.getHost() == null || sent.getHost() == null || !page.getHost().equalsIgnoreCase(sent.getHost())) {
                return false;
            }
            // A Host without a port is the default port of whatever scheme the browser used (TLS may end at a proxy).
            return sent.getPort() == -1 ? page.getPort() == -1 || page.getPort() == defaultPort(page.getScheme())
                    : sent.getPort() == (page.getPort() == -1 ? defaultPort(page.getScheme()) : page.getPort());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme == null ? "" : scheme.toLowerCase(Locale.ROOT)) ? 443 : 80;
    }
}

package org.hearth.comments.host;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.hearth.comments.security.CrossSiteRequests;

/**
 * The widget's test of cross-site requests, for a host's own forms: the same rule guards the widget's API.
 * <pre>{@code
 * if (CrossSite.isUnsafe(request.getMethod()) && !CrossSite.isFromThisSite(request)) {
 *     response.sendError(403);
 * }
 * }</pre>
 */
public final class CrossSite {

    private CrossSite() {
    }

    /** Whether a request with this method may change something (anything but GET, HEAD, OPTIONS and TRACE). */
    public static boolean isUnsafe(String method) {
        return CrossSiteRequests.isUnsafe(method);
    }

    /**
     * Whether this request comes from a page of this site, or from a program (no {@code Origin}, no cross-site
     * {@code Sec-Fetch-Site}, no {@code Referer} of another site).
     */
    public static boolean isFromThisSite(HttpServletRequest request) {
        return CrossSiteRequests.isFromThisSite(request, Set.of());
    }
}

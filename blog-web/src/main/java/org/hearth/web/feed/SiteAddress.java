package org.hearth.web.feed;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The absolute address of the site, for feeds, the sitemap and robots.txt: the system property {@value #PROPERTY}
 * (such as {@code https://blog.example.org}, set it behind a reverse proxy) or else the address the request came to.
 */
public final class SiteAddress {

    public static final String PROPERTY = "hearth.base-url";

    private SiteAddress() {
    }

    /** The site's base address without a trailing slash, such as {@code https://blog.example.org}. */
    public static String of(HttpServletRequest request) {
        var configured = System.getProperty(PROPERTY, "").strip();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        var scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}

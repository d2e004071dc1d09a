package org.hearth.web.feed;

import jakarta.servlet.http.HttpServletRequest;

import org.hearth.comments.host.SiteBase;

/**
 * The absolute address of the site, for feeds, the sitemap and robots.txt: the system property {@value #PROPERTY}
 * (such as {@code https://blog.example.org}, set it behind a reverse proxy) or else the address the request came to,
 * taken from its {@code Host} only when that names this machine (see {@link SiteBase#of}): pages, share
 * links and a discussion's stored address never name a host a client made up.
 */
public final class SiteAddress {

    public static final String PROPERTY = SiteBase.BASE_URL_PROPERTY;

    private SiteAddress() {
    }

    /** The site's base address without a trailing slash, such as {@code https://blog.example.org}. */
    public static String of(HttpServletRequest request) {
        var configured = System.getProperty(PROPERTY, "").strip();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return SiteBase.of(request);
    }
}

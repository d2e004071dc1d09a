package org.hearth.comments.host;

import jakarta.servlet.http.HttpServletRequest;

import org.hearth.comments.config.SiteOrigins;

/**
 * The site's public address as the widget knows it, for a host's own absolute links (feeds, sitemaps, e-mails): the
 * system property {@value #BASE_URL_PROPERTY} when set, else the address a request came to when it names this machine
 * (never a {@code Host} header taken on trust).
 */
public final class SiteBase {

    /** The system property that names the site's public address, such as {@code https://blog.example.org}. */
    public static final String BASE_URL_PROPERTY = SiteOrigins.BASE_URL_PROPERTY;

    private SiteBase() {
    }

    /** The base address a request came to, when no base URL is configured (see {@link SiteOrigins#requestBase}). */
    public static String of(HttpServletRequest request) {
        return SiteOrigins.requestBase(request);
    }
}

package org.hearth.web.cache;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.media.PostImage;

/**
 * The default {@code Cache-Control} of reader pages. For an anonymous reader (no session, not signed in), a shared
 * cache such as a reverse proxy may keep a page for {@value #SHARED_SECONDS} seconds while browsers revalidate each
 * time (cheap with the {@code ETag} of post pages): {@code public, max-age=0, s-maxage=60}, varying by cookie and
 * {@code Accept-Language} (a page speaks the reader's language). A reader
 * with a session or signed in gets {@code private, no-cache}. Responses may set their own (feeds, the sitemap, error
 * pages do); Faces resources, the widget's {@code /api} and {@code /share} addresses and images ({@code /media}) are left
 * alone.
 */
// FORWARD too: the order of annotated filters is not defined, and the clean-address filters forward to the views.
@WebFilter(filterName = "ReaderCaching", urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class ReaderCaching extends HttpFilter {

    static final int SHARED_SECONDS = 60;

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean page = ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                && !path.startsWith("/jakarta.faces.resource/") && !path.startsWith("/api/") && !path.startsWith("/share/")
                && !path.startsWith(PostImage.PATH);
        if (page) {
            if (request.getSession(false) != null || request.getUserPrincipal() != null) {
                response.setHeader("Cache-Control", "private, no-cache");
            } else {
                response.setHeader("Cache-Control", "public, max-age=0, s-maxage=" + SHARED_SECONDS);
            }
            // The language follows the reader's cookie, else the browser's Accept-Language (ReaderLanguages).
            response.setHeader("Vary", "Cookie, Accept-Language");
        }
        chain.doFilter(request, response);
    }
}

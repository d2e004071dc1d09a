package org.hearth.web.signin;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Defence in depth for the console and the sign-in forms, besides the encrypted, signed Faces view state: a POST whose
 * {@code Origin} (or, lacking it, {@code Referer}) names another site is refused with 403, and console pages are never
 * cached. The origin check is what stops cross-site posts on GlassFish 8.0.0, which ignores the {@code SameSite=Lax}
 * that {@code web.xml} asks for on the session cookie (its session cookies carry no attributes beyond HttpOnly and
 * Secure, from web.xml or from {@code SessionCookieConfig.setAttribute}).
 */
@WebFilter(urlPatterns = {"/console/*", "/sign-in.xhtml", "/setup.xhtml", ResetPasswordPage.PATH})
public class ConsoleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        if ("POST".equals(request.getMethod()) && !isSameOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-site form posts are refused");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isSameOrigin(HttpServletRequest request) {
        var origin = request.getHeader("Origin");
        if ("null".equals(origin)) {
            return false;
        }
        if (origin == null || origin.isBlank()) {
            origin = request.getHeader("Referer");
        }
        if (origin == null || origin.isBlank()) {
            return true; // non-browser clients; browsers always send one of them on a POST
        }
        try {
            var uri = new URI(origin);
            return request.getServerName().equalsIgnoreCase(uri.getHost()) && port(uri) == request.getServerPort();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}

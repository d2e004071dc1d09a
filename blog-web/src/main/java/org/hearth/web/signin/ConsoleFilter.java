package org.hearth.web.signin;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Console pages and the sign-in forms are never kept by caches and never framed. (Cross-site posts are refused for the
 * whole site by {@link org.hearth.web.site.SiteProtection}.)
 */
@WebFilter(urlPatterns = {"/console/*", "/sign-in.xhtml", "/setup.xhtml", ResetPasswordPage.PATH})
public class ConsoleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        chain.doFilter(request, response);
    }
}

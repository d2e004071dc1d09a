package org.hearth.web.signin;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.team.TeamService;
import org.hearth.blog.team.TeamUser;

/**
 * Ends console sessions that no longer match their member: removed from the team, or given another role or a new
 * password since they signed in (the session would keep the old rights until it expired otherwise). Such a request is
 * signed out and sent to the sign-in page. The session remembers the member's
 * {@linkplain TeamUser#getAccessVersion() access version} at sign-in ({@link TeamIdentityStore}).
 */
@WebFilter(urlPatterns = "/console/*")
public class StaleSessions extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String ACCESS_VERSION = StaleSessions.class.getName() + ".accessVersion";

    @Inject
    private TeamService team;

    /** Remembers in the session what the member was allowed when they signed in. */
    static void remember(HttpServletRequest request, TeamUser member) {
        request.getSession().setAttribute(ACCESS_VERSION, member.getAccessVersion());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        var principal = request.getUserPrincipal();
        if (principal != null) {
            var session = request.getSession(false);
            var version = session == null ? null : session.getAttribute(ACCESS_VERSION);
            if (!(version instanceof Integer accessVersion) || !team.isCurrent(principal.getName(), accessVersion)) {
                request.logout();
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + ConsoleSecurity.SIGN_IN_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

package org.hearth.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.team.TeamRole;
import org.hearth.blog.team.TeamService;

/**
 * Test only (added to test deployments, never to the real WAR): {@code POST /it/team?username=&role=&password=} makes
 * sure this team member exists with this role and password, active and with no waits after failed sign-ins (a new
 * password lifts them), so client-side tests can sign in.
 */
@WebServlet("/it/team")
public class TeamFixture extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The password every fixture member gets. */
    public static final String PASSWORD = "a long test password";

    @Inject
    private TeamService team;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var username = request.getParameter("username");
        var role = TeamRole.valueOf(request.getParameter("role"));
        if (team.findByUsername(username).isPresent()) {
            team.reactivate(username);
            team.changeRole(username, role);
            team.changePassword(username, PASSWORD);
        } else {
            team.create(username, request.getParameter("name"), PASSWORD, role);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}

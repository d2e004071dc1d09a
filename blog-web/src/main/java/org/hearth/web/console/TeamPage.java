package org.hearth.web.console;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.blog.rule.RuleException;
import org.hearth.blog.team.TeamRole;
import org.hearth.blog.team.TeamService;
import org.hearth.blog.team.TeamUser;
import org.hearth.web.Messages;

/** The team ({@code /console/team/}, admins only): who signs in with which role, and adding members. */
@Named
@RequestScoped
public class TeamPage {

    @Inject
    private TeamService team;

    @Inject
    private Messages messages;

    private String username;
    private String displayName;
    private String password;
    private TeamRole role = TeamRole.AUTHOR;

    public String add() {
        try {
            team.create(username, displayName, password, role);
        } catch (RuleException e) {
            messages.error(null, e);
            return null;
        }
        messages.flashInfo("team.added", username);
        return "/console/team/index.xhtml?faces-redirect=true";
    }

    public List<TeamUser> getMembers() {
        return team.findAll();
    }

    public TeamRole[] getRoles() {
        return TeamRole.values();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public TeamRole getRole() {
        return role;
    }

    public void setRole(TeamRole role) {
        this.role = role;
    }
}

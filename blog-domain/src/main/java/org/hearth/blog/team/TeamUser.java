package org.hearth.blog.team;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hearth.blog.author.Author;
import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;

/**
 * A member of the site's team who signs in to the console. Invariants: the username is 3 to {@value #USERNAME_MAX}
 * lower-case letters, digits, dots, dashes or underscores and never changes; the password is only ever kept as a
 * PBKDF2 hash; every member speaks as one {@link Author} (their name on posts and on team replies). Failed
 * sign-ins never lock the account: {@link SignInThrottle} delays further attempts from where they came. A removed member is
 * deactivated, never deleted (their posts and replies keep their author): they cannot sign in until reactivated. Every
 * change to what a member may do (role, password, deactivation) moves their {@linkplain #getAccessVersion() access
 * version} on, which ends the sessions signed in before it.
 */
@Entity
@Table(name = "blog_team_user")
@NamedQuery(name = "TeamUser.findByUsername", query = "select u from TeamUser u join fetch u.author where u.username = :username")
@NamedQuery(name = "TeamUser.findAll", query = "select u from TeamUser u join fetch u.author order by u.username")
@NamedQuery(name = "TeamUser.count", query = "select count(u) from TeamUser u")
@NamedQuery(name = "TeamUser.findByAuthor", query = "select u from TeamUser u where u.author.id = :author")
@NamedQuery(name = "TeamUser.otherActiveAdmins", query = """
        select u.id from TeamUser u where u.role = org.hearth.blog.team.TeamRole.ADMIN and u.deactivatedAt is null and u.id <> :id""")
public class TeamUser {

    public static final int USERNAME_MAX = 60;
    public static final int EMAIL_MAX = 254;
    public static final int PASSWORD_MIN = 12;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3," + USERNAME_MAX + "}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @NotNull
    @Size(max = USERNAME_MAX)
    @Column(nullable = false, unique = true, updatable = false, length = USERNAME_MAX)
    private String username;

    @NotNull
    @Column(name = "password_hash", nullable = false, length = 500)
    private String passwordHash;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TeamRole role;

    @NotNull
    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id", nullable = false, unique = true)
    private Author author;

    @Size(max = EMAIL_MAX)
    @Column(length = EMAIL_MAX)
    private String email;

    @Column(name = "notify_pending", nullable = false)
    private boolean notifyPending = true;

    @NotNull
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "access_version", nullable = false)
    private int accessVersion;

    protected TeamUser() {
    }

    /**
     * @param passwordHash the PBKDF2 hash of the password (never the password itself)
     * @throws IllegalArgumentException when the username is malformed
     */
    public TeamUser(String username, String passwordHash, TeamRole role, Author author) {
        this.username = normalizeUsername(username);
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.author = Objects.requireNonNull(author, "author");
        this.createdAt = Instant.now();
    }

    /**
     * The username as stored: stripped and in lower case.
     *
     * @throws IllegalArgumentException when it is not 3 to 60 letters, digits, dots, dashes or underscores
     */
    public static String normalizeUsername(String username) {
        var text = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(text).matches()) {
            throw new RuleException(Phrase.USERNAME_FORM, USERNAME_MAX);
        }
        return text;
    }

    /**
     * @throws IllegalArgumentException when the password is shorter than {@value #PASSWORD_MIN} characters
     */
    public static String requirePassword(String password) {
        if (password == null || password.length() < PASSWORD_MIN) {
            throw new RuleException(Phrase.PASSWORD_TOO_SHORT, PASSWORD_MIN);
        }
        return password;
    }

    /** A new password (its hash): sessions signed in with the old one end. */
    public void changePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        accessVersion++;
    }

    /**
     * Where the console's e-mails go (blank: none), and whether they include comments awaiting moderation on this
     * member's posts.
     *
     * @throws IllegalArgumentException when the address is malformed
     */
    public void changeNotifications(String email, boolean notifyPending) {
        var text = email == null ? "" : email.strip();
        if (!text.isEmpty() && (text.length() > EMAIL_MAX || !EMAIL.matcher(text).matches())) {
            throw new RuleException(Phrase.EMAIL_FORM, text);
        }
        this.email = text.isEmpty() ? null : text;
        this.notifyPending = notifyPending;
    }

    /** A new role; sessions signed in with the old one end (they would keep its rights otherwise). */
    public void changeRole(TeamRole role) {
        if (this.role != Objects.requireNonNull(role, "role")) {
            this.role = role;
            accessVersion++;
        }
    }

    /** Removes the member from the team: they can no longer sign in, and their sessions end. */
    public void deactivate(Instant now) {
        if (deactivatedAt == null) {
            deactivatedAt = Objects.requireNonNull(now, "now");
            accessVersion++;
        }
    }

    /** Takes a removed member back, with the role and password they had. */
    public void reactivate() {
        if (deactivatedAt != null) {
            deactivatedAt = null;
            accessVersion++;
        }
    }

    /** Whether the member may sign in (not removed from the team). */
    public boolean isActive() {
        return deactivatedAt == null;
    }

    /** When the member was removed from the team, or null while active. */
    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    /**
     * A number that grows with each change to what the member may do or how they sign in: a session remembers the one
     * it was signed in with, and is no longer honoured once it differs.
     */
    public int getAccessVersion() {
        return accessVersion;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public TeamRole getRole() {
        return role;
    }

    public Author getAuthor() {
        return author;
    }

    /** The member's e-mail address, or null. */
    public String getEmail() {
        return email;
    }

    /** Whether the member wants an e-mail for each comment awaiting moderation on their posts. */
    public boolean isNotifyPending() {
        return notifyPending;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TeamUser user && id != null && id.equals(user.id);
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return "TeamUser[" + username + "]";
    }
}

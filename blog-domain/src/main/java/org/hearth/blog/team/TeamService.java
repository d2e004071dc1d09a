package org.hearth.blog.team;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;

import org.hearth.blog.author.Author;
import org.hearth.blog.author.AuthorService;
import org.hearth.blog.post.Slugs;
import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;

/**
 * The site's team: creates members, checks their passwords (PBKDF2, {@link Pbkdf2PasswordHash}) with the waits that
 * {@link SignInThrottle} sets after failed sign-ins; changes roles, resets passwords and removes (deactivates) members,
 * always keeping at least one active admin.
 */
@ApplicationScoped
@Transactional
public class TeamService {

    /** What a sign-in attempt came to. */
    public enum Outcome {
        /** The password is right. */
        ACCEPTED,
        /** No active member has this username and password. */
        REFUSED,
        /** Too many failed sign-ins from the client's address: refused without looking at the password. */
        THROTTLED
    }

    /**
     * The outcome, the member when {@link Outcome#ACCEPTED}, and how long the client must wait before its next attempt
     * ({@code retryAfter}, zero when it need not). An unknown username and a wrong password give the same outcome and
     * the same wait.
     */
    public record SignIn(Outcome outcome, Optional<TeamUser> user, Duration retryAfter) {
    }

    /** Thrown when a change would leave the team without an active admin (nobody could manage it any more). */
    public static class LastAdminException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        LastAdminException(String username) {
            super(username + " is the last admin: make another member admin first");
        }
    }

    /** Thrown when a password reset link is unknown, used, expired or replaced, or its member was removed. */
    public static class ResetRefusedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ResetRefusedException() {
            super("This password reset link is not valid any more");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    @Inject
    private AuthorService authors;

    @Inject
    private SignInThrottle throttle;

    /** How passwords are hashed; {@link #UNKNOWN_USER_HASH} must name the same algorithm and iterations. */
    static final Map<String, String> HASHING = Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000", "Pbkdf2PasswordHash.SaltSizeBytes", "32");

    /**
     * A hash checked when the username is unknown, so that a sign-in costs the same whether the member exists or not. It
     * is the hash of "no such user, same cost", made once with {@link #HASHING} rather than at every start (that took
     * 0.7 s of the first page after a start); when {@link #HASHING} changes, make it again with
     * {@link Pbkdf2PasswordHash#generate} (TeamServiceTest fails until then).
     */
    static final String UNKNOWN_USER_HASH = "PBKDF2WithHmacSHA256:210000:rx9D6dBhMYCVr+OQNgGW26+wJZPXpCFpy4322CBsxnU="
            + ":FrPTCTxYWYD5lUU4XL2x7Kige/PRYZTQLPqKpu9HzVE=";

    @PostConstruct
    void configureHashing() {
        passwordHash.initialize(HASHING);
    }

    /**
     * Adds a member who speaks as the author whose slug is the username (created with the display name when missing).
     *
     * @throws IllegalArgumentException when the username is malformed or taken, the password too short, or the name blank
     */
    public TeamUser create(String username, String displayName, String password, TeamRole role) {
        var name = TeamUser.normalizeUsername(username);
        TeamUser.requirePassword(password);
        if (findByUsername(name).isPresent()) {
            throw new RuleException(Phrase.USERNAME_TAKEN, name);
        }
        var slug = Slugs.from(name, Author.SLUG_MAX);
        var author = authors.findBySlug(slug).orElseGet(() -> authors.create(slug, displayName, ""));
        if (displayName != null && !displayName.isBlank()) {
            author.rename(displayName);
        }
        var user = new TeamUser(name, passwordHash.generate(password.toCharArray()), role, em.merge(author));
        em.persist(user);
        em.flush();
        return user;
    }

    /**
     * The member with this username, added without a password when there is none (an author brought by an import):
     * they sign in once they have set one with a reset link. Speaks as the author whose slug is the username, created
     * with the display name when missing.
     *
     * @throws IllegalArgumentException when the username is malformed or the name blank
     */
    public TeamUser findOrCreateWithoutPassword(String username, String displayName, String email, TeamRole role) {
        var name = TeamUser.normalizeUsername(username);
        var existing = findByUsername(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        var slug = Slugs.from(name, Author.SLUG_MAX);
        var author = authors.findBySlug(slug).orElseGet(() -> authors.create(slug, displayName, ""));
        var unknowable = new char[32];
        for (int i = 0; i < unknowable.length; i++) {
            unknowable[i] = (char) ('!' + RANDOM.nextInt(94));
        }
        var user = new TeamUser(name, passwordHash.generate(unknowable), role, em.merge(author));
        if (email != null && !email.isBlank()) {
            try {
                user.changeNotifications(email.strip(), true);
            } catch (IllegalArgumentException e) {
                // an address the team form would refuse is left out; the admin can add one
            }
        }
        em.persist(user);
        em.flush();
        return user;
    }

    /**
     * Checks a password typed at {@code clientAddress} (the request's remote address). A failure counts towards the
     * waits of that address only ({@link SignInThrottle}); an attempt that must wait is refused at once, whatever its
     * password; an unknown or removed username costs as much time as a member and is counted alike.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SignIn signIn(String username, String password, String clientAddress) {
        var admission = admit(username, clientAddress);
        if (!admission.admitted()) {
            return new SignIn(Outcome.THROTTLED, Optional.empty(), admission.retryAfter());
        }
        var typed = password == null ? new char[0] : password.toCharArray();
        var member = activeMember(username);
        if (member.isEmpty()) {
            passwordHash.verify(typed, UNKNOWN_USER_HASH);
        } else if (passwordHash.verify(typed, member.get().getPasswordHash())) {
            throttle.succeeded(username, clientAddress);
            return new SignIn(Outcome.ACCEPTED, member, Duration.ZERO);
        }
        return new SignIn(Outcome.REFUSED, Optional.empty(), admission.retryAfter());
    }

    private SignInThrottle.Admission admit(String username, String clientAddress) {
        try {
            return throttle.admit(username, clientAddress, Instant.now());
        } catch (PersistenceException e) {
            // The first two attempts from an address at the same moment both create its row: the second finds it now.
            return throttle.admit(username, clientAddress, Instant.now());
        }
    }

    private Optional<TeamUser> activeMember(String username) {
        try {
            return findByUsername(TeamUser.normalizeUsername(username)).filter(TeamUser::isActive);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<TeamUser> findByUsername(String username) {
        return em.createNamedQuery("TeamUser.findByUsername", TeamUser.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** Every member, by username. */
    public List<TeamUser> findAll() {
        return em.createNamedQuery("TeamUser.findAll", TeamUser.class).getResultList();
    }

    /**
     * Gives a member another role; their sessions end, so the new role applies from their next sign-in.
     *
     * @throws IllegalArgumentException when there is no such member
     * @throws LastAdminException       when this would demote the last active admin
     */
    public void changeRole(String username, TeamRole role) {
        var user = require(username);
        if (user.getRole() == TeamRole.ADMIN && role != TeamRole.ADMIN && user.isActive()) {
            requireAnotherAdmin(user);
        }
        user.changeRole(role);
    }

    /**
     * Sets a new password (an admin resetting a member's, or the fixture of tests): the old one stops working at once,
     * sessions signed in with it end and sign-ins as them no longer wait after earlier failures.
     *
     * @throws IllegalArgumentException when there is no such member or the password is too short
     */
    public void changePassword(String username, String password) {
        var user = require(username);
        user.changePasswordHash(passwordHash.generate(TeamUser.requirePassword(password).toCharArray()));
        endResetLinks(user);
        throttle.lift(user.getUsername());
    }

    /**
     * A one-time link token with which an active member chooses a new password themselves, valid for a day; it
     * replaces any earlier one of theirs.
     *
     * @throws IllegalArgumentException when there is no such active member
     */
    public String issueResetToken(String username) {
        var user = require(username);
        if (!user.isActive()) {
            throw new RuleException(Phrase.MEMBER_REMOVED, username);
        }
        endResetLinks(user);
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new PasswordReset(TokenHashes.sha256(token), user.getId(), Instant.now()));
        return token;
    }

    /** The active member whose valid reset link has this token, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TeamUser> findByResetToken(String token) {
        return memberOfReset(token, LockModeType.NONE);
    }

    /**
     * Sets the new password the member chose through their reset link, and spends the link. As with any new password,
     * the old one stops working, their sessions end and sign-ins as them no longer wait after earlier failures.
     *
     * @throws ResetRefusedException    when the link is not valid (any more)
     * @throws IllegalArgumentException when the password is too short (the link still works)
     */
    public TeamUser resetWithToken(String token, String password) {
        var user = memberOfReset(token, LockModeType.PESSIMISTIC_WRITE).orElseThrow(ResetRefusedException::new);
        user.changePasswordHash(passwordHash.generate(TeamUser.requirePassword(password).toCharArray()));
        endResetLinks(user);
        throttle.lift(user.getUsername());
        return user;
    }

    /** The active member of the valid reset link of this token; locked, one link cannot be used twice at the same time. */
    private Optional<TeamUser> memberOfReset(String token, LockModeType lock) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(PasswordReset.class, TokenHashes.sha256(token.strip()), lock))
                .filter(reset -> reset.isValidAt(Instant.now()))
                .map(reset -> em.find(TeamUser.class, reset.getUserId()))
                .filter(TeamUser::isActive);
    }

    private void endResetLinks(TeamUser user) {
        em.createNamedQuery("PasswordReset.deleteOfUser").setParameter("user", user.getId()).executeUpdate();
    }

    /**
     * Removes a member from the team: they can no longer sign in and their sessions end; their author page, posts and
     * replies stay.
     *
     * @throws IllegalArgumentException when there is no such member
     * @throws LastAdminException       when this is the last active admin
     */
    public void deactivate(String username) {
        var user = require(username);
        if (user.getRole() == TeamRole.ADMIN && user.isActive()) {
            requireAnotherAdmin(user);
        }
        user.deactivate(Instant.now());
        endResetLinks(user);
    }

    /**
     * Takes a removed member back, with their role and password.
     *
     * @throws IllegalArgumentException when there is no such member
     */
    public void reactivate(String username) {
        require(username).reactivate();
    }

    /**
     * Whether a session signed in as this member with this {@linkplain TeamUser#getAccessVersion() access version} is
     * still honoured: the member is active and nothing about their access changed since.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isCurrent(String username, int accessVersion) {
        return findByUsername(username).filter(u -> u.isActive() && u.getAccessVersion() == accessVersion).isPresent();
    }

    /** Locks the active admins' rows, so two admins demoting each other at the same time cannot leave none. */
    private void requireAnotherAdmin(TeamUser admin) {
        var others = em.createNamedQuery("TeamUser.otherActiveAdmins", Long.class)
                .setParameter("id", admin.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (others.isEmpty()) {
            throw new LastAdminException(admin.getUsername());
        }
    }

    private TeamUser require(String username) {
        return findByUsername(username).orElseThrow(() -> new RuleException(Phrase.NO_SUCH_MEMBER, username));
    }

    /** The member who speaks as this author, if any. */
    public Optional<TeamUser> findByAuthor(long authorId) {
        return em.createNamedQuery("TeamUser.findByAuthor", TeamUser.class).setParameter("author", authorId).getResultStream().findFirst();
    }

    /**
     * @throws IllegalArgumentException when there is no such member or the address is malformed
     */
    public void changeNotifications(String username, String email, boolean notifyPending) {
        require(username).changeNotifications(email, notifyPending);
    }

    public long count() {
        return em.createNamedQuery("TeamUser.count", Long.class).getSingleResult();
    }
}

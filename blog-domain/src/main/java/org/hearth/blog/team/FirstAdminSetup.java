package org.hearth.blog.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Creates the first admin without any default password: while the team is empty, a one-time setup token is issued
 * (the host prints it in the server log); whoever presents it creates the first admin, and the token is gone. Only its
 * SHA-256 fingerprint is stored, in the database, so every server instance accepts the latest token issued.
 */
@ApplicationScoped
@Transactional
public class FirstAdminSetup {

    /** Thrown when a token is wrong, used already, or the team exists. */
    public static class RefusedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RefusedException() {
            super("This setup token is not valid, or the first admin exists already");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager em;

    @Inject
    private TeamService team;

    /** Whether nobody can sign in yet. */
    public boolean isNeeded() {
        return team.count() == 0;
    }

    /** A new token replacing any earlier one, while the team is empty; empty once it exists. */
    public Optional<String> issueToken() {
        if (!isNeeded()) {
            return Optional.empty();
        }
        var token = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            token.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            if (i % 6 == 5 && i < 23) {
                token.append('-');
            }
        }
        var existing = em.find(SetupToken.class, SetupToken.ONLY);
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        em.persist(new SetupToken(TokenHashes.sha256(token.toString())));
        return Optional.of(token.toString());
    }

    /**
     * Creates the first admin and spends the token.
     *
     * @throws RefusedException         when the token is wrong or spent, or the team exists already
     * @throws IllegalArgumentException when a field breaks its rule (nothing is spent then)
     */
    public TeamUser redeem(String token, String username, String displayName, String password) {
        var stored = em.find(SetupToken.class, SetupToken.ONLY, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null || token == null || !isNeeded() || !MessageDigest.isEqual(
                stored.getTokenHash().getBytes(StandardCharsets.US_ASCII),
                TokenHashes.sha256(token.strip().toUpperCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.US_ASCII))) {
            throw new RefusedException();
        }
        var admin = team.create(username, displayName, password, TeamRole.ADMIN);
        em.remove(stored);
        return admin;
    }
}

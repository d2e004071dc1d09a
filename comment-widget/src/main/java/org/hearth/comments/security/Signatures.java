package org.hearth.comments.security;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hearth.comments.schema.GetOrCreate;

/** The {@link TokenSigner} of this installation, keyed by the secret in the database (created on first use). */
@ApplicationScoped
public class Signatures {

    @Inject
    private Store store;

    private volatile TokenSigner signer;

    /** The signer, the same on every server instance that shares the database. */
    public TokenSigner signer() {
        var current = signer;
        if (current == null) {
            current = new TokenSigner(Base64.getDecoder().decode(store.loadOrCreateSecret()));
            signer = current;
        }
        return current;
    }

    /** Reads the secret, or stores a new one, in a transaction of its own (whatever the caller's fate). */
    @ApplicationScoped
    static class Store {

        @PersistenceContext(unitName = "hearth-comments")
        private EntityManager em;

        @Inject
        private GetOrCreate getOrCreate;

        /** Race-free: of the first requests of a new installation, one stores the secret and all use it. */
        public String loadOrCreateSecret() {
            return getOrCreate.run(() -> {
                var key = em.find(SigningKey.class, SigningKey.CURRENT);
                if (key == null) {
                    var bytes = new byte[48];
                    new SecureRandom().nextBytes(bytes);
                    key = new SigningKey(Base64.getEncoder().encodeToString(bytes));
                    em.persist(key);
                }
                return key.getSecret();
            });
        }
    }
}

package org.hearth.comments.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs short values with HMAC-SHA256 so that a browser can carry them (a cookie, a hidden field, local storage) and
 * give them back unaltered: {@code value.signature}. Each use has its own purpose string, so a token signed for one
 * purpose never passes for another.
 */
public final class TokenSigner {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /** @param secret at least 32 bytes of randomness, the same on every server instance */
    public TokenSigner(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("A signing secret needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** {@code value.signature}; the value must not contain a dot or blanks. */
    public String sign(String purpose, String value) {
        if (value.contains(".") || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A signed value has no dots or blanks: " + value);
        }
        return value + "." + signature(purpose, value);
    }

    /** The value of a token signed for {@code purpose}, or empty when the token is malformed or altered. */
    public Optional<String> verify(String purpose, String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        var value = token.substring(0, dot);
        var expected = signature(purpose, value).getBytes(StandardCharsets.US_ASCII);
        var given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(value) : Optional.empty();
    }

    /** A keyed fingerprint of {@code value} (for client addresses: comparable, but not reversible without the key). */
    public String fingerprint(String purpose, String value) {
        return signature(purpose, value);
    }

    private String signature(String purpose, String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return B64.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}

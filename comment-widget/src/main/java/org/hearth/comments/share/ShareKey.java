package org.hearth.comments.share;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

/** Names the client of a request for the dedup rule, with a key only this server knows. */
@ApplicationScoped
public class ShareKey {

    private final byte[] secret = new byte[32];

    public ShareKey() {
        new SecureRandom().nextBytes(secret);
    }

    /** Today in UTC: the day of the dedup rule. */
    public LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The client of this request, today. */
    public String client(HttpServletRequest request) {
        return ShareClients.key(secret, request.getRemoteAddr(), request.getHeader("User-Agent"), today());
    }
}

package org.hearth.comments.share;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.hearth.comments.security.Signatures;

/** Names the client of a request for the dedup rule, with the installation's signing key. */
@ApplicationScoped
public class ShareKey {

    @Inject
    private Signatures signatures;

    /** Today in UTC: the day of the dedup rule. */
    public LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The client of this request, today. */
    public String client(HttpServletRequest request) {
        return ShareClients.key(signatures.signer(), request.getRemoteAddr(), request.getHeader("User-Agent"), today());
    }
}

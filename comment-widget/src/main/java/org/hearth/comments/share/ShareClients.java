package org.hearth.comments.share;

import java.time.LocalDate;

import org.hearth.comments.security.TokenSigner;

/**
 * The dedup rule's notion of "one client": a keyed fingerprint of its address and browser for one day. It names the
 * same reader all day and changes at midnight (UTC); without the installation's key it cannot be traced back to an
 * address. Every instance sharing the database computes the same fingerprint.
 */
public final class ShareClients {

    private ShareClients() {
    }

    public static String key(TokenSigner signer, String address, String userAgent, LocalDate day) {
        return signer.fingerprint("share-client", day + "\n" + (address == null ? "" : address) + "\n"
                + (userAgent == null ? "" : userAgent));
    }
}

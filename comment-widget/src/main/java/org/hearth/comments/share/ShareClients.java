package org.hearth.comments.share;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dedup rule's notion of "one client": a keyed hash of its address and browser for one day. It names the same
 * reader all day and changes at midnight (UTC); without the server's key it cannot be traced back to an address.
 */
public final class ShareClients {

    private ShareClients() {
    }

    /** 64 hex digits naming this client on this day. */
    public static String key(byte[] secret, String address, String userAgent, LocalDate day) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            var text = day + "\n" + (address == null ? "" : address) + "\n" + (userAgent == null ? "" : userAgent);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}

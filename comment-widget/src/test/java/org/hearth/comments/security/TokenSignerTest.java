package org.hearth.comments.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TokenSignerTest {

    private final TokenSigner signer = new TokenSigner("0123456789abcdef0123456789abcdef".getBytes());
    private final TokenSigner other = new TokenSigner("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void signedValueVerifiesForItsPurposeOnly() {
        var token = signer.sign("own-comment", "42");
        assertEquals(Optional.of("42"), signer.verify("own-comment", token));
        assertTrue(signer.verify("form-shown", token).isEmpty(), "a token of one purpose never passes for another");
        assertTrue(other.verify("own-comment", token).isEmpty(), "another key does not accept it");
    }

    @Test
    void alteredOrMalformedTokensAreRejected() {
        var token = signer.sign("own-comment", "42");
        assertTrue(signer.verify("own-comment", "43" + token.substring(2)).isEmpty());
        assertTrue(signer.verify("own-comment", token + "x").isEmpty());
        assertTrue(signer.verify("own-comment", "42").isEmpty());
        assertTrue(signer.verify("own-comment", "").isEmpty());
        assertTrue(signer.verify("own-comment", null).isEmpty());
    }

    @Test
    void shortSecretsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenSigner(new byte[16]));
    }

    @Test
    void ownCommentTokensProveOnlyTheirIdsAndTheListStaysBounded() {
        var list = "";
        for (long id = 1; id <= OwnComments.MAX + 5; id++) {
            list = OwnComments.add(list, OwnComments.token(signer, id));
        }
        var ids = OwnComments.ids(signer, list, "99." + "forged");
        assertEquals(OwnComments.MAX, ids.size());
        assertTrue(ids.contains((long) OwnComments.MAX + 5) && !ids.contains(1L) && !ids.contains(99L));
        assertEquals(Set.of(7L), OwnComments.ids(signer, null, OwnComments.token(signer, 7)));
    }

    @Test
    void anOwnCommentListIsACookieValueThatNoServerQuotes() {
        var list = OwnComments.add(OwnComments.add("", OwnComments.token(signer, 5)), OwnComments.token(signer, 6));
        // Undertow (WildFly) sends a value holding an RFC 2616 separator such as ':' as a quoted version-1 cookie.
        assertTrue(list.matches("[A-Za-z0-9._~-]+"), list);
        assertEquals(Set.of(5L, 6L), OwnComments.ids(signer, list));
    }

    @Test
    void aQuotedListFromAnEarlierVersionStillProvesItsComments() {
        var quoted = "\"" + OwnComments.token(signer, 5) + ":" + OwnComments.token(signer, 6) + "\"";
        assertEquals(Set.of(5L, 6L), OwnComments.ids(signer, quoted));
    }
}

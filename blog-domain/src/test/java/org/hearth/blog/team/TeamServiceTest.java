package org.hearth.blog.team;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

class TeamServiceTest {

    @Test
    void anUnknownUsernameCostsAsMuchAsAMemberBecauseItsHashHasTheSameParameters() throws Exception {
        var parts = TeamService.UNKNOWN_USER_HASH.split(":");
        assertEquals(TeamService.HASHING.get("Pbkdf2PasswordHash.Algorithm"), parts[0]);
        assertEquals(TeamService.HASHING.get("Pbkdf2PasswordHash.Iterations"), parts[1]);
        var salt = Base64.getDecoder().decode(parts[2]);
        assertEquals(Integer.parseInt(TeamService.HASHING.get("Pbkdf2PasswordHash.SaltSizeBytes")), salt.length);

        var expected = Base64.getDecoder().decode(parts[3]);
        var spec = new PBEKeySpec("no such user, same cost".toCharArray(), salt, Integer.parseInt(parts[1]),
                expected.length * 8);
        assertArrayEquals(expected, SecretKeyFactory.getInstance(parts[0]).generateSecret(spec).getEncoded());
    }
}

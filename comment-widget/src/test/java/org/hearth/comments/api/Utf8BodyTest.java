package org.hearth.comments.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.hearth.comments.host.InvalidCommentException;
import org.junit.jupiter.api.Test;

class Utf8BodyTest {

    private static byte[] json(String before, int... badBytes) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        for (var b : badBytes) {
            out.write(b);
        }
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void validUtf8IsDecoded() {
        assertEquals("{\"name\":\"Åsa 😀\"}", Utf8Body.decode("{\"name\":\"Åsa 😀\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidUtf8IsRefusedNamingTheMemberItIsIn() {
        var latin1 = assertThrows(InvalidCommentException.class, () -> Utf8Body.decode(json("{\"thread\":\"t\",\"name\":\"Ren", 0xE9)));
        assertEquals("name", latin1.getField());
        assertEquals("invalid-utf8", latin1.getReason());
        var encodedSurrogate = assertThrows(InvalidCommentException.class,
                () -> Utf8Body.decode(json("{\"name\":\"Ann\",\"body\":\"Hi ", 0xED, 0xA0, 0x80)));
        assertEquals("body", encodedSurrogate.getField());
        var truncated = assertThrows(InvalidCommentException.class, () -> Utf8Body.decode(json("{\"website\":\"x", 0xF0, 0x9F)));
        assertEquals("website", truncated.getField());
    }

    @Test
    void invalidUtf8OutsideAnyValueNamesTheRequestBody() {
        var refusal = assertThrows(InvalidCommentException.class, () -> Utf8Body.decode(json("{\"name\":\"Ann\",", 0xFF)));
        assertEquals("body", refusal.getField());
        assertEquals("invalid-utf8", refusal.getReason());
    }
}

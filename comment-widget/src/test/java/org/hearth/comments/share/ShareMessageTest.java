package org.hearth.comments.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShareMessageTest {

    @Test
    void messageIsTrimmedAndLimited() {
        assertEquals("Read this", new ShareMessage(1, "  Read this ").getMessage());
        assertEquals(ShareMessage.MAX, new ShareMessage(1, "x".repeat(ShareMessage.MAX)).getMessage().length());
        assertThrows(IllegalArgumentException.class, () -> new ShareMessage(1, "x".repeat(ShareMessage.MAX + 1)));
        assertThrows(IllegalArgumentException.class, () -> new ShareMessage(1, "   "));
    }
}

package org.hearth.comments.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class RenderBuffersTest {

    private final RenderBuffers buffers = new RenderBuffers();

    @Test
    void writesEverythingRenderedAcrossChunksIncludingWideCharacters() throws IOException {
        var expected = "<p>☺ héllo</p>".repeat(5_000);
        var out = new StringWriter();
        buffers.write(out, builder -> builder.append(expected));
        assertEquals(expected, out.toString());
    }

    @Test
    void theNextRenderingReusesTheBuilderEmpty() throws IOException {
        var first = new AtomicReference<StringBuilder>();
        buffers.write(new StringWriter(), builder -> first.set(builder.append("first page")));
        var out = new StringWriter();
        buffers.write(out, builder -> {
            assertSame(first.get(), builder);
            builder.append("second");
        });
        assertEquals("second", out.toString());
    }

    @Test
    void aFailedRenderingLeavesNothingForTheNext() throws IOException {
        assertThrows(IllegalStateException.class, () -> buffers.write(new StringWriter(), builder -> {
            builder.append("half a page");
            throw new IllegalStateException("database gone");
        }));
        var out = new StringWriter();
        buffers.write(out, builder -> builder.append("whole"));
        assertEquals("whole", out.toString());
    }

    @Test
    void aHugeBuilderIsNotKept() throws IOException {
        buffers.write(new StringWriter(), builder -> builder.append("x".repeat(RenderBuffers.KEPT_CHARS + 1)));
        assertEquals(0, buffers.keptCount());
        buffers.write(new StringWriter(), builder -> builder.append("small"));
        assertEquals(1, buffers.keptCount());
    }

    @Test
    void anEmptyRenderingWritesNothing() throws IOException {
        var out = new StringWriter();
        buffers.write(out, builder -> { });
        assertEquals("", out.toString());
    }
}

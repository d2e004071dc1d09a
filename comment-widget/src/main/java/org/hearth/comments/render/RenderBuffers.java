package org.hearth.comments.render;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;

/**
 * Builders a rendering writes a discussion into before it goes to a response, reused from one request to the next: a
 * 200-comment discussion is about 210 KB, and building it in a new builder each time (grown by copying, then copied
 * again into a string) allocated more than a megabyte per page.
 * <p>
 * At most {@value #KEPT} builders of at most {@value #KEPT_CHARS} characters are kept; a request that finds none takes a
 * new one (as many as the requests a server usually renders at once). A builder is only ever used by one request at
 * a time.
 */
public final class RenderBuffers {

    static final int KEPT = 16;
    static final int KEPT_CHARS = 1 << 20;
    private static final int FIRST_CHARS = 1 << 15;
    private static final int CHUNK = 8192;

    private final ArrayBlockingQueue<StringBuilder> kept = new ArrayBlockingQueue<>(KEPT);

    /** Lets {@code render} write into a builder, then copies what it wrote to {@code out}, in chunks, without a string. */
    public void write(Writer out, Consumer<StringBuilder> render) throws IOException {
        var builder = kept.poll();
        if (builder == null) {
            builder = new StringBuilder(FIRST_CHARS);
        }
        try {
            render.accept(builder);
            var chunk = new char[Math.min(CHUNK, Math.max(1, builder.length()))];
            for (int start = 0; start < builder.length(); start += chunk.length) {
                int end = Math.min(builder.length(), start + chunk.length);
                builder.getChars(start, end, chunk, 0);
                out.write(chunk, 0, end - start);
            }
        } finally {
            builder.setLength(0);
            if (builder.capacity() <= KEPT_CHARS) {
                kept.offer(builder);
            }
        }
    }

    /** How many builders wait to be reused (for tests). */
    int keptCount() {
        return kept.size();
    }
}

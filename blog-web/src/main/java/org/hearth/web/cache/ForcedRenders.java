package org.hearth.web.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Counts the renders each client forces past the page cache (a page of their own, a page the cache does not hold):
 * at most {@code limit} in any window of {@code window} nanoseconds per client. The windows of clients gone quiet are
 * dropped once more than {@value #MAX_CLIENTS} clients are counted.
 */
final class ForcedRenders {

    static final int MAX_CLIENTS = 10_000;

    private record Window(long start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final long window;
    private final LongSupplier clock;

    ForcedRenders(int limit, long window, TimeUnit unit, LongSupplier clock) {
        this.limit = limit;
        this.window = unit.toNanos(window);
        this.clock = clock;
    }

    /** Whether this client may force one more render now (which is then counted). */
    boolean allow(String client) {
        var now = clock.getAsLong();
        if (windows.size() > MAX_CLIENTS) {
            windows.values().removeIf(w -> now - w.start() >= window);
        }
        var counted = windows.compute(client, (c, w) -> w == null || now - w.start() >= window ? new Window(now, 1)
                : new Window(w.start(), Math.min(w.count(), limit) + 1));
        return counted.count() <= limit;
    }

    /** Seconds until this client may force a render again (at least 1). */
    long secondsUntilAllowed(String client) {
        var w = windows.get(client);
        var left = w == null ? 0 : window - (clock.getAsLong() - w.start());
        var second = TimeUnit.SECONDS.toNanos(1);
        return Math.max(1, (left + second - 1) / second);
    }
}

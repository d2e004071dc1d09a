package org.hearth.comments.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class KeptPagesTest {

    private final AtomicInteger loads = new AtomicInteger();

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    @Test
    void sameRevisionIsReadFromTheDatabaseOnce() {
        var kept = new KeptPages<String, String>(1_000, String::length);
        var first = kept.get("page", 3, () -> load(new String("at 3")));
        assertSame(first, kept.get("page", 3, () -> load("again")));
        assertEquals(1, loads.get());
    }

    @Test
    void aNewerRevisionIsReadAgain() {
        var kept = new KeptPages<String, String>(1_000, String::length);
        kept.get("page", 3, () -> load("at 3"));
        assertEquals("at 4", kept.get("page", 4, () -> load("at 4")));
        assertEquals(2, loads.get());
    }

    @Test
    void anOlderRevisionGetsTheNewerValueAndNeverReplacesIt() {
        var kept = new KeptPages<String, String>(1_000, String::length);
        kept.get("page", 5, () -> load("at 5"));
        assertEquals("at 5", kept.get("page", 4, () -> load("at 4")));
        assertEquals("at 5", kept.get("page", 5, () -> load("again")));
        assertEquals(1, loads.get());
    }

    @Test
    void aFailedReadKeepsNothing() {
        var kept = new KeptPages<String, String>(1_000, String::length);
        var failure = assertThrows(IllegalStateException.class, () -> kept.get("page", 1, () -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals("database down", failure.getMessage());
        assertEquals("back", kept.get("page", 1, () -> load("back")));
        assertEquals(0, kept.weight() - "back".length());
    }

    @Test
    void concurrentReadersOfOneRevisionWaitForOneRead() throws Exception {
        var kept = new KeptPages<String, String>(1_000, String::length);
        var loading = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(4)) {
            var loader = pool.submit(() -> kept.get("page", 7, () -> {
                loading.countDown();
                await(release);
                return load("at 7");
            }));
            loading.await();
            var waiters = java.util.stream.IntStream.range(0, 3)
                    .mapToObj(i -> pool.submit(() -> kept.get("page", 7, () -> load("twice")))).toList();
            release.countDown();
            assertEquals("at 7", loader.get());
            for (var waiter : waiters) {
                assertEquals("at 7", waiter.get());
            }
        }
        assertEquals(1, loads.get());
    }

    @Test
    void theLeastRecentlyUsedGoBeyondTheWeight() {
        var kept = new KeptPages<Integer, String>(100, String::length);
        for (int i = 0; i < 10; i++) {
            kept.get(i, 1, () -> "x".repeat(20));
            kept.get(0, 1, () -> load("page 0 read again"));
        }
        assertTrue(kept.weight() <= 100, "kept " + kept.weight());
        assertEquals("x".repeat(20), kept.get(0, 1, () -> load("page 0 read again")), "the page used most stays");
        assertEquals(0, loads.get());
        assertTrue(kept.size() < 10);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.hearth.comments.comment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Values read from the database, kept in memory under a key and the {@linkplain org.hearth.comments.thread.ThreadRevisions
 * revision} of the thread they were read at. A value is handed out only to a caller that asks with the same revision
 * (or an older one: then the kept value is newer than the caller needs, never older), so whatever changes a thread on
 * any server, through its revision in the database, is read again at the next request.
 * <p>
 * Callers read the revision <em>before</em> they load: a change that commits in between is then loaded early and
 * kept under the older revision, which the next request replaces. Of several callers asking for the same key and
 * revision at once, one loads and the others wait for its value (a busy discussion changes often, and its readers
 * all ask at once). A failed load keeps nothing; each waiter gets the failure.
 * <p>
 * Bounded by weight (an estimate of bytes); beyond it, the values used least recently go first.
 *
 * @param <K> the key (without the revision)
 * @param <V> the value, immutable
 */
final class KeptPages<K, V> {

    private record Entry<V>(long revision, CompletableFuture<V> value, AtomicLong usedAt, AtomicLong weight) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong weight = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final long maxWeight;
    private final ToLongFunction<V> weigher;

    /**
     * @param maxWeight the most weight kept
     * @param weigher   the weight of a value (about its bytes)
     */
    KeptPages(long maxWeight, ToLongFunction<V> weigher) {
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    /**
     * The value of this key at this revision: the kept one, or the one {@code loader} reads (and which is then kept).
     *
     * @param revision the thread's revision, read before anything the loader reads
     * @throws RuntimeException what the loader threw (nothing is kept then)
     */
    V get(K key, long revision, Supplier<V> loader) {
        var kept = entries.get(key);
        if (kept == null || kept.revision() < revision) {
            var mine = new Entry<V>(revision, new CompletableFuture<>(), new AtomicLong(), new AtomicLong());
            kept = entries.compute(key, (k, old) -> {
                if (old != null && old.revision() >= revision) {
                    return old;
                }
                if (old != null) {
                    weight.addAndGet(-old.weight().get());
                }
                return mine;
            });
            if (kept == mine) {
                load(key, mine, loader);
            }
        }
        kept.usedAt().set(clock.incrementAndGet());
        try {
            return kept.value().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private void load(K key, Entry<V> entry, Supplier<V> loader) {
        V value;
        try {
            value = loader.get();
        } catch (RuntimeException | Error e) {
            entries.remove(key, entry);
            entry.value().completeExceptionally(e);
            throw e;
        }
        entry.weight().set(weigher.applyAsLong(value));
        entry.value().complete(value);
        weight.addAndGet(entry.weight().get());
        if (weight.get() > maxWeight) {
            evict();
        }
    }

    /** How much is kept, as estimated by the weigher. */
    long weight() {
        return weight.get();
    }

    /** How many values are kept (or being loaded). */
    int size() {
        return entries.size();
    }

    /** Drops the values used least recently until three quarters of the weight are left. */
    private synchronized void evict() {
        var all = new ArrayList<>(entries.entrySet());
        // A value replaced while it was loading may still be counted: count again what is kept.
        weight.set(all.stream().mapToLong(e -> e.getValue().weight().get()).sum());
        all.sort(Comparator.comparingLong(e -> e.getValue().usedAt().get()));
        for (var e : all) {
            if (weight.get() <= maxWeight * 3 / 4) {
                break;
            }
            if (entries.remove(e.getKey(), e.getValue())) {
                weight.addAndGet(-e.getValue().weight().get());
            }
        }
    }
}

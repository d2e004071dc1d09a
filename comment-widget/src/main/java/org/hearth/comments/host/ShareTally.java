package org.hearth.comments.host;

import java.util.EnumMap;
import java.util.Map;

/** The share counts of one thread, per network, and their total. */
public record ShareTally(Map<ShareNetwork, Long> counts) {

    /** A thread nobody has shared yet. */
    public static final ShareTally NONE = new ShareTally(Map.of());

    public ShareTally {
        counts = counts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(counts));
    }

    /** The shares to one network (0 when none). */
    public long of(ShareNetwork network) {
        return counts.getOrDefault(network, 0L);
    }

    /** The shares to all networks together. */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}

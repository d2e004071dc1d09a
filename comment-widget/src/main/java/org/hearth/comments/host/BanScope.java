package org.hearth.comments.host;

import java.time.Duration;
import java.util.Optional;

/** What a moderator bans of a comment's writer: its e-mail address, the network address it came from, or both. */
public enum BanScope {
    /** The e-mail address of the comment (a person, wherever they write from). */
    EMAIL(true, false),
    /** The network address the comment came from (whoever writes from it). */
    ADDRESS(false, true),
    /** Both. */
    BOTH(true, true);

    /** How long a ban that covers a network address lasts when the moderator chooses no expiry of their own. */
    public static final Duration ADDRESS_BAN_DEFAULT = Duration.ofDays(7);

    private final boolean email;
    private final boolean address;

    BanScope(boolean email, boolean address) {
        this.email = email;
        this.address = address;
    }

    public boolean coversEmail() {
        return email;
    }

    public boolean coversAddress() {
        return address;
    }

    /**
     * How long a ban of this scope lasts unless the moderator chooses: {@link #ADDRESS_BAN_DEFAULT} when it covers a
     * network address (an address may be shared, or someone else's tomorrow), else until lifted (empty).
     */
    public Optional<Duration> defaultExpiry() {
        return address ? Optional.of(ADDRESS_BAN_DEFAULT) : Optional.empty();
    }
}

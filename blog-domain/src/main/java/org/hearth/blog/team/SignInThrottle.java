package org.hearth.blog.team;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Slows down password guessing without ever locking an account for everyone: failed sign-ins are counted per account
 * and network address, and per network address whatever the account, and after a few of them the next attempt from that
 * address waits a delay that doubles with each further failure ({@link FailureDelays}). The member signs in from any
 * other address meanwhile. A username that does not exist is counted and delayed exactly like one that does. The counts
 * live in the database, so every server instance sharing it applies the same waits.
 */
@ApplicationScoped
@Transactional
public class SignInThrottle {

    /**
     * Whether an attempt may have its password checked; if not, how long it must still wait. When admitted, its failure
     * is already counted (so that attempts made at the same moment cannot slip through together) and
     * {@code retryAfter} is what the next attempt waits should this one fail.
     */
    public record Admission(boolean admitted, Duration retryAfter) {
    }

    /** The failed sign-ins as one member that still count, from how many addresses, and how many of these wait now. */
    public record FailedSignIns(int failures, int addresses, int waitingAddresses) {
    }

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int ADDRESS_MAX = 100;
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager em;

    private final AtomicReference<Instant> purgedAt = new AtomicReference<>(Instant.MIN);

    /**
     * Admits an attempt to sign in as {@code username} from {@code clientAddress} unless one of the two counts makes it
     * wait, and then counts it as failed until {@link #succeeded} says otherwise. Runs in a transaction of its own, which
     * holds the two rows only for this; two first attempts at the same moment may collide on a new row (a
     * {@link jakarta.persistence.PersistenceException}): try once more.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Admission admit(String username, String clientAddress, Instant now) {
        purgeOldFailures(now);
        var address = addressKey(clientAddress);
        var rows = List.of(locked(addressRow(address), null, now), locked(accountRow(username, address), accountKey(username), now));
        var wait = longest(rows, now);
        if (!wait.isZero()) {
            return new Admission(false, wait);
        }
        rows.forEach(row -> row.failed(now));
        em.flush();
        return new Admission(true, longest(rows, now));
    }

    /** The password was right: the attempt's address starts afresh, for this account and any other. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(String username, String clientAddress) {
        var address = addressKey(clientAddress);
        for (var key : List.of(addressRow(address), accountRow(username, address))) {
            em.createNamedQuery("SignInFailures.delete").setParameter("key", key).executeUpdate();
        }
    }

    /** The failed sign-ins as this member that still count. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FailedSignIns failuresOf(String username) {
        var now = Instant.now();
        var rows = em.createNamedQuery("SignInFailures.ofAccount", SignInFailures.class)
                .setParameter("account", accountKey(username))
                .getResultList().stream()
                .filter(row -> row.failuresAt(now) > 0)
                .toList();
        return new FailedSignIns(rows.stream().mapToInt(row -> row.failuresAt(now)).sum(), rows.size(),
                (int) rows.stream().filter(row -> !row.waitAt(now).isZero()).count());
    }

    /**
     * Forgets the failed sign-ins as this member from every address, so that none of them waits any more (an admin's
     * decision, or a new password). The counts of the addresses for all accounts stay.
     */
    public void lift(String username) {
        em.createNamedQuery("SignInFailures.deleteOfAccount").setParameter("account", accountKey(username)).executeUpdate();
    }

    /**
     * The network address under which failures are counted: an IPv4 address as it is, an IPv6 address by its /64
     * network (one subscriber usually has a whole /64, so counting single addresses would count nothing).
     */
    static String addressKey(String clientAddress) {
        var text = clientAddress == null ? "" : clientAddress.strip();
        if (text.length() > ADDRESS_MAX) {
            text = text.substring(0, ADDRESS_MAX);
        }
        if (!IPV6.matcher(text).matches()) {
            return text;
        }
        try {
            // Only literals reach here (hex digits, colons and dots): no name is ever looked up.
            if (InetAddress.getByName(text) instanceof Inet6Address v6) {
                var network = Arrays.copyOf(v6.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return text;
        } catch (UnknownHostException e) {
            return text;
        }
    }

    /**
     * The row, locked until the transaction ends. Rows are always taken in the same order, the address's first (it also
     * guards the account rows of that address), and a new one is written at once, so that its lock too is taken in that
     * order: two attempts never wait for each other in a circle.
     */
    private SignInFailures locked(String key, String accountKey, Instant now) {
        var row = em.find(SignInFailures.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new SignInFailures(key, accountKey, now);
            em.persist(row);
            em.flush();
        }
        return row;
    }

    private static String addressRow(String address) {
        return TokenHashes.sha256("address\n" + address);
    }

    private static String accountRow(String username, String address) {
        return TokenHashes.sha256("account\n" + account(username) + "\n" + address);
    }

    private static Duration longest(List<SignInFailures> rows, Instant now) {
        return rows.stream().map(row -> row.waitAt(now)).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** A username as typed, the way usernames are stored: a name that is no valid username is still counted. */
    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String accountKey(String username) {
        return TokenHashes.sha256(account(username));
    }

    private void purgeOldFailures(Instant now) {
        var last = purgedAt.get();
        if (now.isAfter(last.plus(PURGE_INTERVAL)) && purgedAt.compareAndSet(last, now)) {
            em.createNamedQuery("SignInFailures.deleteBefore").setParameter("before", now.minus(SignInFailures.MEMORY)).executeUpdate();
        }
    }
}

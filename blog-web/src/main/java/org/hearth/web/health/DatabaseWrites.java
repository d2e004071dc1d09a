package org.hearth.web.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.hearth.blog.schema.BlogSchema;

/**
 * Whether the database takes writes, and Hearth's way back when it refused them for a while.
 * <p>
 * Requests report what became of their writes ({@link #failed()}, {@link #succeeded()}); {@link #accepting()} asks the
 * database itself. Embedded Derby needs help to recover: after a write to its files failed (a read-only or full disk),
 * it shuts the database down, and the next connection boots it <em>read-only</em> if its files are still not writable
 * then, which it stays until it is shut down again. When the database is read-only but its folder is writable again,
 * it is shut down here ({@code ;shutdown=true}), so that the pool's next connection boots it for writing. The pool
 * ({@code fail-all-connections}, see server-config) then replaces the connections the shutdown closed.
 */
@ApplicationScoped
public class DatabaseWrites {

    /** A write that failed longer ago than this no longer counts against the database by itself. */
    static final long FAILURE_MEMORY_SECONDS = 10;

    /** The least time between two shutdowns of a read-only embedded Derby database. */
    static final long REBOOT_PAUSE_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(DatabaseWrites.class.getName());

    private volatile long lastFailure;
    private volatile long lastSuccess;
    private volatile boolean failing;
    private long lastReboot = System.nanoTime() - TimeUnit.SECONDS.toNanos(REBOOT_PAUSE_SECONDS);

    /** A request's write failed because of the database: looks at the database at once (and helps it back up). */
    public void failed() {
        lastFailure = System.nanoTime();
        if (!failing) {
            failing = true;
            LOG.warning("A write to the database failed: Hearth answers 503 to writes until it takes them again");
        }
        accepting();
    }

    /** A request wrote to the database. */
    public void succeeded() {
        lastSuccess = System.nanoTime();
        if (failing) {
            failing = false;
            LOG.info("The database takes writes again");
        }
    }

    /**
     * Whether writes should succeed now: the database answers, it is not read-only, and no write failed in the last
     * {@value #FAILURE_MEMORY_SECONDS} seconds without one succeeding since.
     */
    public boolean accepting() {
        var now = System.nanoTime();
        var recentFailure = lastFailure != 0 && lastFailure - lastSuccess > 0
                && now - lastFailure < TimeUnit.SECONDS.toNanos(FAILURE_MEMORY_SECONDS);
        return writable() && !recentFailure;
    }

    private boolean writable() {
        try (var connection = dataSource().getConnection()) {
            if (!connection.isValid(2)) {
                return false;
            }
            var metadata = connection.getMetaData();
            if (!metadata.isReadOnly()) {
                return true;
            }
            rebootIfWritable(metadata.getURL());
            return false;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Shuts down a read-only embedded Derby database whose folder can be written again; its next connection boots it. */
    private void rebootIfWritable(String url) {
        if (url == null || !url.startsWith("jdbc:derby:") || url.startsWith("jdbc:derby://")) {
            return;
        }
        var folder = Path.of(url.substring("jdbc:derby:".length()).replaceFirst(";.*", ""));
        if (!Files.isWritable(folder) || !Files.isWritable(folder.resolve("log")) || !Files.isWritable(folder.resolve("seg0"))) {
            return;
        }
        synchronized (this) {
            var now = System.nanoTime();
            if (now - lastReboot < TimeUnit.SECONDS.toNanos(REBOOT_PAUSE_SECONDS)) {
                return;
            }
            lastReboot = now;
        }
        LOG.warning(() -> "The embedded Derby database " + folder + " is read-only but its files can be written again:"
                + " shutting it down, so that it boots for writing");
        try {
            DriverManager.getConnection("jdbc:derby:" + folder + ";shutdown=true").close();
        } catch (SQLException e) {
            // Derby says "shut down" (08006) by throwing; anything else is logged.
            if (!"08006".equals(e.getSQLState())) {
                LOG.log(Level.WARNING, "Could not shut down the database " + folder, e);
            }
        }
    }

    private static DataSource dataSource() {
        try {
            return InitialContext.doLookup(BlogSchema.DATA_SOURCE);
        } catch (NamingException e) {
            throw new IllegalStateException("No data source " + BlogSchema.DATA_SOURCE, e);
        }
    }
}

package org.hearth.comments.search;

import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.hearth.comments.schema.CommentsSchema;

/**
 * Works off the {@link CommentWordBacklog} on the server's default managed scheduled executor, from start (which
 * resumes a backlog an earlier run left) to undeployment. Once {@linkplain #wake() woken} by an import (and once at
 * start) it looks every {@value #TICK_SECONDS} seconds and indexes batch after batch until the backlog is empty, once it
 * has stopped growing: an import running meanwhile keeps both cores of a small server for itself. With nothing to do it
 * does not touch the database, nor while the database is away or read-only; a batch is a plain JDBC transaction
 * ({@link CommentWordBacklog#indexBatch()}), so that a database going away in the middle of one leaves nothing in the
 * transaction manager or the pool behind.
 */
@ApplicationScoped
public class CommentWordSchedule {

    static final int TICK_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(CommentWordSchedule.class.getName());

    @Inject
    private CommentWordBacklog backlog;

    @Inject
    private CommentsSchema schema;

    private ScheduledFuture<?> task;

    private volatile boolean stopping;

    /** How long after an import's {@link #wake()} an empty backlog is looked at again (its transaction may not be committed). */
    static final long AWAKE_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Whether the backlog may hold comments: at start, and after an import's {@link #wake()}. */
    private volatile boolean due = true;

    private volatile long wokenAt = System.nanoTime() - AWAKE_NANOS;

    /** After a failure (the database away), how long the schedule leaves the database alone. */
    static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** When a failed tick may try again ({@link System#nanoTime()}), or none. */
    private volatile Long retryAt;

    private long waitingBefore = -1;

    void start() {
        try {
            ManagedScheduledExecutorService scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            task = scheduler.scheduleWithFixedDelay(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
        } catch (NamingException e) {
            LOG.log(Level.SEVERE, "No default managed scheduled executor: imported comments are not found by their words", e);
        }
    }

    /** Says that an import added comments to the backlog. */
    public void wake() {
        wokenAt = System.nanoTime();
        due = true;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (task != null) {
            task.cancel(false);
        }
    }

    private void tick() {
        if (!due || retryAt != null && System.nanoTime() - retryAt < 0) {
            return;
        }
        retryAt = null;
        if (!writable()) {
            return; // away or read-only (a disk gone read-only): nothing to write until it is back
        }
        try {
            schema.migrateIfNeeded();
        } catch (RuntimeException e) {
            return; // no database yet, or its tables are not there: the start's migration says why, the next tick tries again
        }
        try {
            var waiting = backlog.waiting();
            if (waiting == 0) {
                due = System.nanoTime() - wokenAt < AWAKE_NANOS;
                waitingBefore = 0;
                return;
            }
            var index = isTimeToIndex(waitingBefore, waiting);
            waitingBefore = waiting;
            if (!index) {
                return;
            }
            var indexed = 0L;
            for (int batch = backlog.indexBatch(); batch > 0 && !stopping; batch = backlog.indexBatch()) {
                indexed += batch;
            }
            var done = indexed;
            LOG.info(() -> "Indexed the words of " + done + " imported comments");
            waitingBefore = backlog.waiting();
        } catch (RuntimeException e) {
            retryAt = System.nanoTime() + RETRY_NANOS;
            LOG.log(Level.WARNING, "Indexing the words of imported comments failed; it tries again in ten seconds", e);
        }
    }

    /** Whether the database answers and takes writes, asked on a connection outside any transaction. */
    private static boolean writable() {
        try (var connection = CommentsSchema.dataSource().getConnection()) {
            return connection.isValid(2) && !connection.getMetaData().isReadOnly();
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether to index now, with {@code waiting} comments in the backlog and {@code before} at the last look (-1 when
     * this server has not looked yet: a backlog found at start is what a stopped server left, indexed at once).
     */
    static boolean isTimeToIndex(long before, long waiting) {
        return waiting > 0 && (before < 0 || waiting <= before);
    }

    /** Starts the schedule with the web application, in its naming environment. */
    @WebListener
    public static class Startup implements ServletContextListener {

        @Inject
        private CommentWordSchedule schedule;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            schedule.start();
        }

        @Override
        public void contextDestroyed(ServletContextEvent event) {
            schedule.stop();
        }
    }
}

package org.hearth.comments.notify;

import java.time.Instant;
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

import org.hearth.comments.config.CommentSettings;

/**
 * Runs {@link MailOutbox#deliverDue()} every {@value CommentSettings#MAIL_INTERVAL_SECONDS} seconds (30 by default) on
 * the server's default managed scheduled executor, from start to undeployment.
 */
@ApplicationScoped
public class MailSchedule {

    private static final Logger LOG = Logger.getLogger(MailSchedule.class.getName());

    @Inject
    private MailOutbox outbox;

    @Inject
    private CommentSettings settings;

    private ScheduledFuture<?> task;

    private volatile Instant lastRun = Instant.now();

    /**
     * Starts a one-second tick with the web application ({@link Startup}); each tick delivers once the interval has
     * passed since the last delivery (the interval is read at every tick: the context parameters are read after CDI has
     * started).
     */
    void start() {
        try {
            ManagedScheduledExecutorService scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            task = scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        } catch (NamingException e) {
            LOG.log(Level.SEVERE, "No default managed scheduled executor: e-mails stay queued", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void tick() {
        if (Instant.now().isBefore(lastRun.plusSeconds(settings.mailIntervalSeconds()))) {
            return;
        }
        lastRun = Instant.now();
        try {
            outbox.deliverDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivering queued e-mails failed; they stay queued", e);
        }
    }

    /**
     * Starts the schedule with the web application, in its naming environment (see
     * {@link org.hearth.comments.schema.CommentsSchema.Startup}).
     */
    @WebListener
    public static class Startup implements ServletContextListener {

        @Inject
        private MailSchedule schedule;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            schedule.start();
        }

        /** Stops the ticks as the application stops, before the executor would refuse them for a disabled module. */
        @Override
        public void contextDestroyed(ServletContextEvent event) {
            schedule.stop();
        }
    }
}

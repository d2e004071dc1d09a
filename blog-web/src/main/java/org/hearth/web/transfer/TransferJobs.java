package org.hearth.web.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.Sentence;
import org.hearth.blog.transfer.ExportFormat;
import org.hearth.blog.transfer.TransferException;

/**
 * The imports of this server: one runs at a time, off the request that brought its file, and the last
 * {@value #KEPT} are kept (in memory) for their page and {@code bin/hearth import} to follow.
 */
@ApplicationScoped
public class TransferJobs {

    static final int KEPT = 20;

    private static final Logger LOG = Logger.getLogger(TransferJobs.class.getName());

    /** Another import runs. */
    public static class BusyException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        private final String runningId;

        BusyException(String runningId) {
            super("Another import runs: " + runningId);
            this.runningId = runningId;
        }

        /** The id of the import that runs. */
        public String runningId() {
            return runningId;
        }
    }

    private final AtomicReference<ImportJob> running = new AtomicReference<>();
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    @Inject
    private WordPressImport wordPress;

    @Inject
    private DisqusImport disqus;

    /**
     * Copies the upload to a file of its own and imports it, in the background or, when {@code background} is false,
     * before returning.
     *
     * @throws BusyException when another import runs
     */
    public ImportJob start(String fileName, long size, InputStream upload, String siteBase, boolean background) {
        var job = new ImportJob(fileName, size);
        if (!running.compareAndSet(null, job)) {
            throw new BusyException(running.get().getId());
        }
        Path file;
        try {
            file = Files.createTempFile("hearth-import-", ".xml");
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            running.set(null);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        synchronized (jobs) {
            jobs.put(job.getId(), job);
            while (jobs.size() > KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        Runnable task = () -> {
            try {
                ExportFormat format;
                try (var in = Files.newInputStream(file)) {
                    format = ExportFormat.of(in);
                }
                if (format == ExportFormat.DISQUS) {
                    disqus.run(file, siteBase, job);
                    job.done();
                } else {
                    try (var in = Files.newInputStream(file)) {
                        wordPress.run(in, siteBase, job);
                    }
                }
            } catch (TransferException e) {
                job.fail(e.sentence());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Import " + job.getId() + " stopped", e);
                job.fail(e instanceof RuntimeException r ? Sentence.of(Phrase.IMPORT_STOPPED, WordPressImport.describe(r))
                        : Sentence.of(Phrase.IMPORT_REREAD_FAILED));
            } finally {
                if (job.isRunning()) {
                    job.fail(Sentence.of(Phrase.IMPORT_STOPPED_UNEXPECTEDLY));
                }
                running.set(null);
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warning(() -> "Could not delete " + file + ": " + e);
                }
            }
        };
        if (background) {
            executor().submit(task);
        } else {
            task.run();
        }
        return job;
    }

    /** The imports this server keeps, newest first. */
    public List<ImportJob> recent() {
        synchronized (jobs) {
            var all = new ArrayList<>(jobs.values());
            Collections.reverse(all);
            return all;
        }
    }

    public Optional<ImportJob> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private static ManagedExecutorService executor() {
        try {
            return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        } catch (NamingException e) {
            throw new IllegalStateException("No default managed executor service on this server", e);
        }
    }
}

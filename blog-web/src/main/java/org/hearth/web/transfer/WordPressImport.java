package org.hearth.web.transfer;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;
import org.hearth.blog.rule.Sentence;
import org.hearth.blog.transfer.TransferException;
import org.hearth.blog.transfer.Wxr;
import org.hearth.blog.transfer.WxrReader;

/**
 * Imports a WordPress export (WXR) into Hearth as it reads it: authors become team members without a password, posts
 * keep their HTML, dates, status, tags and old addresses, and their comments join the post's discussion
 * ({@link PostImport}). One post at a time, each committed with its comments: memory stays flat whatever the file's
 * size, and a rerun after an error finishes the rest (what was imported is found again by its source id).
 */
@ApplicationScoped
public class WordPressImport {

    private static final Logger LOG = Logger.getLogger(WordPressImport.class.getName());

    @Inject
    private PostImport writer;

    @Inject
    private OldAddressBook addresses;

    /**
     * Reads the export to its end, keeping the tally in {@code job}.
     *
     * @param siteBase the site's public address, for the discussions' URLs
     */
    public void run(InputStream file, String siteBase, ImportJob job) {
        var in = new CountingInput(file);
        try (var reader = new WxrReader(in)) {
            var site = reader.site();
            var authorIds = new HashMap<String, Long>();
            var wpUsers = new HashMap<Long, String>();
            writer.siteAddresses();
            for (Wxr.Entry entry; (entry = reader.next()) != null; job.read(in.count())) {
                switch (entry) {
                    case Wxr.Author author -> author(author, authorIds, wpUsers, job);
                    case Wxr.Term term -> attempt(job, Sentence.of(term.isCategory() ? Phrase.OF_CATEGORY : Phrase.OF_TAG, term.slug()),
                            () -> writer.termAddresses(term));
                    case Wxr.Item item -> item(site, item, authorIds, wpUsers, siteBase, job);
                }
            }
            job.read(in.count());
            job.done();
        } catch (TransferException e) {
            job.fail(e.sentence());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Import of " + job.getFileName() + " stopped", e);
            job.fail(Sentence.of(Phrase.IMPORT_STOPPED, describe(e)));
        } finally {
            addresses.forget();
        }
    }

    private void author(Wxr.Author author, Map<String, Long> authorIds, Map<Long, String> wpUsers, ImportJob job) {
        wpUsers.put(author.id(), author.login());
        attempt(job, Sentence.of(Phrase.OF_AUTHOR, author.login(), author.line()), () -> {
            authorIds.put(author.login(), writer.author(author));
            job.authors.incrementAndGet();
        });
    }

    private void item(Wxr.Site site, Wxr.Item item, Map<String, Long> authorIds, Map<Long, String> wpUsers, String siteBase,
                      ImportJob job) {
        if (!"post".equals(item.postType())) {
            job.otherItems.incrementAndGet();
            return;
        }
        if ("trash".equals(item.status())) {
            job.trashed.incrementAndGet();
            return;
        }
        if (item.creator() != null && !authorIds.containsKey(item.creator().strip())) {
            author(new Wxr.Author(0, item.creator().strip(), null, item.creator().strip(), item.line()), authorIds, wpUsers, job);
        }
        attempt(job, Sentence.of(Phrase.OF_ITEM, String.valueOf(item.id()), item.title(), item.line()), () -> {
            var result = writer.post(site, item, authorIds, wpUsers, siteBase);
            (result.added() ? job.posts : job.postsPresent).incrementAndGet();
            job.comments.addAndGet(result.comments());
            job.commentsPresent.addAndGet(result.commentsPresent());
            job.pings.addAndGet(result.pings());
            job.trashed.addAndGet(result.trashed());
            result.refused().forEach(job::error);
        });
    }

    /** Runs one entry's import; an error is tallied, named by {@code what}, and the import goes on. */
    private static void attempt(ImportJob job, Sentence what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (!(root(e) instanceof TransferException) && !(root(e) instanceof IllegalArgumentException)) {
                LOG.log(Level.WARNING, "Import of " + what + " failed", e);
            }
            job.error(Sentence.of(Phrase.IMPORT_ERROR, what, describe(e)));
        }
    }

    /** Why an entry or the import failed, for the site owner: never a stack trace. */
    static Sentence describe(RuntimeException e) {
        return switch (root(e)) {
            case TransferException refusal -> refusal.sentence();
            case RuleException refusal -> refusal.sentence();
            case IllegalArgumentException refusal -> Sentence.of(Phrase.REFUSED_BY_WIDGET, refusal.getMessage());
            case Throwable other -> Sentence.of(Phrase.NOT_STORED, other.getClass().getSimpleName());
        };
    }

    private static Throwable root(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof TransferException || cause instanceof IllegalArgumentException) {
                return cause;
            }
            cause = cause.getCause();
        }
        return cause;
    }
}

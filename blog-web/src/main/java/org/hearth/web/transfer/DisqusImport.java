package org.hearth.web.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.Sentence;
import org.hearth.blog.transfer.Disqus;
import org.hearth.blog.transfer.DisqusReader;
import org.hearth.blog.transfer.TransferException;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.ImportedComment;

/**
 * Imports a Disqus export: each thread joins the discussion of the Hearth post at its address (or at an old address
 * of it), else the widget's thread whose key is the page's Disqus identifier, path or address (sites that use only the
 * widget); threads that match nothing are listed in the summary and left out. Deleted posts are skipped; spam stays
 * spam. Two passes over the file: the threads first, then the posts, buffered per thread and committed a thread's batch
 * at a time, so memory stays flat.
 */
@ApplicationScoped
public class DisqusImport {

    /** Comments held before the largest thread's batch is stored. */
    static final int BUFFERED = 2000;

    private static final Logger LOG = Logger.getLogger(DisqusImport.class.getName());

    @Inject
    private PostImport writer;

    /** Reads the export twice (it is a file), keeping the tally in {@code job}. */
    public void run(Path file, String siteBase, ImportJob job) throws IOException {
        var targets = new HashMap<String, PostImport.Discussion>();
        try (InputStream in = Files.newInputStream(file); var reader = new DisqusReader(in)) {
            for (Disqus.Entry entry; (entry = reader.next()) != null; ) {
                if (entry instanceof Disqus.Thread thread) {
                    var target = writer.discussionOf(thread.identifier(), thread.link(), thread.title(), siteBase);
                    if (target.isPresent()) {
                        targets.put(thread.id(), target.get());
                    } else {
                        job.unmatched(thread.link() + (thread.identifier().isBlank() ? "" : " (" + thread.identifier() + ")"));
                    }
                }
            }
        }
        var size = Files.size(file);
        var buffered = new HashMap<String, List<Disqus.Post>>();
        var count = 0;
        try (var in = new CountingInput(Files.newInputStream(file)); var reader = new DisqusReader(in)) {
            for (Disqus.Entry entry; (entry = reader.next()) != null; job.read(size / 2 + in.count() / 2)) {
                if (!(entry instanceof Disqus.Post post)) {
                    continue;
                }
                if (post.deleted()) {
                    job.trashed.incrementAndGet();
                    continue;
                }
                if (!targets.containsKey(post.threadId())) {
                    continue;
                }
                buffered.computeIfAbsent(post.threadId(), key -> new ArrayList<>()).add(post);
                if (++count >= BUFFERED) {
                    var largest = buffered.entrySet().stream().max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
                            .orElseThrow().getKey();
                    count -= store(targets.get(largest), buffered.remove(largest), job);
                }
            }
        }
        for (var batch : buffered.entrySet()) {
            store(targets.get(batch.getKey()), batch.getValue(), job);
        }
    }

    /** The source id a Disqus post's comment is kept under, so that a second import finds it. */
    private static String sourceId(String postId) {
        return "disqus " + postId;
    }

    private static ImportedComment imported(Disqus.Post post) {
        return new ImportedComment(sourceId(post.id()), post.parentId() == null ? null : sourceId(post.parentId()),
                post.authorName(), post.authorEmail(), null, null, post.message(),
                post.spam() ? CommentStatus.SPAM : CommentStatus.APPROVED, post.createdAt(), "post " + post.id() + " at line " + post.line());
    }

    private int store(PostImport.Discussion discussion, List<Disqus.Post> posts, ImportJob job) {
        try {
            var outcome = writer.comments(discussion, posts.stream().map(DisqusImport::imported).toList());
            job.comments.addAndGet(outcome.added());
            job.commentsPresent.addAndGet(outcome.present());
            for (var refused : outcome.refused()) {
                var origin = posts.stream().filter(post -> sourceId(post.id()).equals(refused.sourceId())).findFirst()
                        .map(post -> Sentence.of(Phrase.OF_DISQUS_POST, post.id(), post.line()))
                        .orElse(Sentence.of(Phrase.REFUSED_BY_WIDGET, refused.origin()));
                job.error(Sentence.of(Phrase.IMPORT_ERROR, origin, refused));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import of Disqus comments into " + discussion.key() + " failed", e);
            job.error(Sentence.of(Phrase.IMPORT_ERROR, Sentence.of(Phrase.OF_THREAD, discussion.url()), WordPressImport.describe(e)));
        }
        return posts.size();
    }
}

package org.hearth.comments.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentAuthor;
import org.hearth.comments.comment.CommentBody;
import org.hearth.comments.comment.TextRules;
import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.search.CommentWordBacklog;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.thread.ThreadRevisions;

/**
 * Adds comments brought from elsewhere (WordPress, Disqus) to a thread, for a host that imports a site's history.
 * <p>
 * Each comment is imported once: its {@linkplain ImportedComment#sourceId() source id} is kept, so importing the same
 * export again adds nothing and a newer export adds only what is new. Replies find their parents by source id, also
 * among comments an earlier import added; a reply deeper than the widget's maximum depth attaches as a typed one does.
 * Names, e-mail addresses, websites and bodies pass the rules typed ones pass: a name is normalized (a blank one
 * becomes "Anonymous"), an address or website that breaks its rule is dropped, and a comment whose body breaks its
 * rule (blank, too long, damaged text) is not imported and is named in {@link Outcome#refused()}. No notification is
 * sent for an imported comment. Their words are indexed for {@link CommentSearch} in the background, soon after the
 * import ({@link CommentSearch#waiting()} says how many are still to come).
 * <p>
 * Runs in the caller's transaction when there is one, so a host can commit a page and its comments together:
 *
 * <pre>{@code
 * @Inject CommentImport comments;
 *
 * @Transactional
 * void importPost(...) {
 *     ... store the post ...
 *     var outcome = comments.add("post-42", "Tomatoes in May", "https://blog.example.org/posts/tomatoes", imported);
 * }
 * }</pre>
 */
@ApplicationScoped
@Transactional
public class CommentImport {

    /** The name of a comment signed with none (WordPress shows it so). */
    public static final String NO_NAME = "Anonymous";

    /** The client fingerprint imported comments carry in place of a visitor's. */
    public static final String CLIENT = "import";

    private static final int IN_LIST_MAX = 500;
    private static final int SOURCE_ROWS = 100;

    /**
     * What an import added to a thread.
     *
     * @param added   comments stored now
     * @param present comments an earlier import stored
     * @param refused each comment not imported, and why
     */
    public record Outcome(int added, int present, List<Refused> refused) {
    }

    /**
     * A comment an import left out, and why: the widget's refusal, which {@link Refusals#text(Refused, java.util.Locale)}
     * says in a language.
     *
     * @param sourceId the comment's {@link ImportedComment#sourceId()}
     * @param origin   its {@link ImportedComment#origin()}
     * @param key      the widget's text for the refusal ({@code refused.name.too-long}...), or null for none
     * @param limit    the figure that text names (a length), or 0
     * @param message  the refusal in English, for logs and programs
     */
    public record Refused(String sourceId, String origin, String key, long limit, String message) {

        /** The refusal in English. */
        @Override
        public String toString() {
            return message;
        }
    }

    @PersistenceContext(unitName = "hearth-comments")
    private EntityManager em;

    @Inject
    private CommentThreadService threads;

    @Inject
    private ThreadRevisions revisions;

    @Inject
    private CommentWordBacklog backlog;

    @Inject
    private org.hearth.comments.search.CommentWordSchedule schedule;

    @Inject
    private CommentSettings settings;

    /**
     * Adds the comments to the thread with this key, created with this title and URL when there is none.
     *
     * @param comments in any order; a parent may come after its replies
     * @throws IllegalArgumentException when the key, title or URL of a new thread breaks its rule
     */
    public Outcome add(String threadKey, String title, String url, List<ImportedComment> comments) {
        var thread = threads.findOrRegister(threadKey, title, url);
        var stored = storedIds(comments.stream().map(ImportedComment::sourceId).toList());
        var pending = new LinkedHashMap<String, ImportedComment>();
        for (var comment : comments) {
            if (!stored.containsKey(comment.sourceId())) {
                pending.put(comment.sourceId(), comment);
            }
        }
        var present = comments.size() - pending.size();
        var refused = new ArrayList<Refused>();
        var created = new HashMap<String, Comment>();
        var added = 0;
        while (!pending.isEmpty()) {
            // A level at a time: those whose parent is stored (or unknown, or in a cycle) now, then their replies.
            var level = pending.values().stream()
                    .filter(c -> c.parentSourceId() == null || !pending.containsKey(c.parentSourceId())).toList();
            if (level.isEmpty()) {
                level = List.copyOf(pending.values());
            }
            var persisted = new ArrayList<Map.Entry<String, Comment>>();
            for (var source : level) {
                pending.remove(source.sourceId());
                try {
                    var comment = comment(thread, parent(source, stored, created), source);
                    em.persist(comment);
                    persisted.add(Map.entry(source.sourceId(), comment));
                } catch (InvalidCommentException e) {
                    var key = Refusals.key(e);
                    refused.add(new Refused(source.sourceId(), source.origin(), key, Refusals.limit(key), e.getMessage()));
                } catch (IllegalArgumentException e) {
                    refused.add(new Refused(source.sourceId(), source.origin(), null, 0, e.getMessage()));
                }
            }
            em.flush();
            backlog.defer(persisted.stream().map(entry -> entry.getValue().getId()).toList());
            schedule.wake();
            persisted.forEach(entry -> created.put(entry.getKey(), entry.getValue()));
            keepSources(persisted);
            added += persisted.size();
        }
        if (added > 0) {
            revisions.touch(thread);
        }
        return new Outcome(added, present, List.copyOf(refused));
    }

    /** The comment an imported one became, by its source id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> storedIds(List<String> sourceIds) {
        var ids = new HashMap<String, Long>();
        for (int from = 0; from < sourceIds.size(); from += IN_LIST_MAX) {
            var chunk = sourceIds.subList(from, Math.min(sourceIds.size(), from + IN_LIST_MAX));
            var placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            var query = em.createNativeQuery("SELECT source_key, comment_id FROM hc_comment_source WHERE source_key IN ("
                    + placeholders + ")");
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i));
            }
            for (var row : (List<?>) query.getResultList()) {
                var columns = (Object[]) row;
                ids.put((String) columns[0], ((Number) columns[1]).longValue());
            }
        }
        return ids;
    }

    private Comment parent(ImportedComment source, Map<String, Long> stored, Map<String, Comment> created) {
        var key = source.parentSourceId();
        if (key == null) {
            return null;
        }
        if (created.containsKey(key)) {
            return created.get(key);
        }
        var id = stored.get(key);
        return id == null ? null : em.find(Comment.class, id);
    }

    private Comment comment(CommentThread thread, Comment parent, ImportedComment source) {
        var body = CommentBody.ofHtml(source.html());
        var comment = new Comment(thread.getId(), parent, settings.maxDepth(), author(source), body, CLIENT, source.status());
        comment.writtenAt(source.createdAt());
        return comment;
    }

    private static CommentAuthor author(ImportedComment source) {
        var name = TextRules.normalizeName(TextRules.problem(source.name()) == null && source.name() != null ? source.name() : "");
        if (name.isEmpty()) {
            name = NO_NAME;
        }
        if (name.length() > Comment.NAME_MAX) {
            name = name.substring(0, Comment.NAME_MAX).strip();
        }
        var email = source.email();
        var website = source.website();
        for (var attempt = 0; ; attempt++) {
            try {
                var guest = CommentAuthor.guest(name, email, website);
                return new CommentAuthor(guest.name(), guest.email(), guest.emailHash(), guest.website(), source.badge());
            } catch (InvalidCommentException e) {
                // An address or website the widget would refuse is left out, as a form would not have taken it.
                if (attempt > 2 || !e.getField().equals("email") && !e.getField().equals("website")) {
                    throw e;
                }
                email = e.getField().equals("email") ? null : email;
                website = e.getField().equals("website") ? null : website;
            }
        }
    }

    /** Records which comment each source id became, a hundred rows a statement. */
    private void keepSources(List<Map.Entry<String, Comment>> persisted) {
        for (int from = 0; from < persisted.size(); from += SOURCE_ROWS) {
            var chunk = persisted.subList(from, Math.min(persisted.size(), from + SOURCE_ROWS));
            var insert = em.createNativeQuery("INSERT INTO hc_comment_source (source_key, comment_id) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")));
            for (int i = 0; i < chunk.size(); i++) {
                insert.setParameter(2 * i + 1, chunk.get(i).getKey()).setParameter(2 * i + 2, chunk.get(i).getValue().getId());
            }
            insert.executeUpdate();
        }
    }
}

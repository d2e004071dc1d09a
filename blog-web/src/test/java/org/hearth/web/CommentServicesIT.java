package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.hearth.comments.host.Badge;
import org.hearth.comments.host.CommentApproved;
import org.hearth.comments.host.CommentPosted;
import org.hearth.comments.comment.AuthorEdits;
import org.hearth.comments.comment.CommentModeration;
import org.hearth.comments.comment.CommentPosting;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.comment.Smiles;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.Commenter;
import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.host.NewComment;
import org.hearth.comments.schema.CommentsSchema;
import org.hearth.comments.host.TeamMember;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.CommentThreadService;
import org.hearth.comments.thread.ThreadRevisions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The comment widget's services inside GlassFish, on the real Derby database and the widget's migrated schema. */
@ExtendWith(ArquillianExtension.class)
class CommentServicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.hearthWar("comment-services-it", CommentServicesIT.class, EventLog.class);
    }

    /** Records the widget's CDI events, as a host would observe them. */
    @ApplicationScoped
    public static class EventLog {
        private final List<Object> events = new ArrayList<>();

        List<Object> all() {
            return List.copyOf(events);
        }

        void posted(@Observes CommentPosted event) {
            events.add(event);
        }

        void approved(@Observes CommentApproved event) {
            events.add(event);
        }
    }

    @Inject
    private CommentThreadService threads;

    @Inject
    private ThreadRevisions revisions;

    @Inject
    private CommentService comments;

    @Inject
    private CommentPosting posting;

    @Inject
    private AuthorEdits edits;

    @Inject
    private Smiles smiles;

    @Inject
    private CommentModeration moderation;

    @Inject
    private CommentsSchema schema;

    @Inject
    private EventLog events;

    @PersistenceUnit(unitName = "hearth-comments")
    private EntityManagerFactory emf;

    @Resource(lookup = "jdbc/hearth")
    private DataSource dataSource;

    private static String newKey() {
        return "/it/" + UUID.randomUUID();
    }

    private static Commenter guest() {
        return new Commenter("it-" + UUID.randomUUID(), Set.of(), Instant.now().minusSeconds(60), null, null);
    }

    private CommentThread newThread() {
        return threads.register(newKey(), "A thread", "https://example.org/thread");
    }

    @Test
    void threadIsRegisteredOnceAndFollowsItsPageTitleAndUrl() {
        var key = newKey();
        var first = threads.register(key, "First title", "https://example.org/a");
        var again = threads.register(key, "Renamed", "https://example.org/b");

        assertEquals(first.getId(), again.getId());
        var found = threads.find(key).orElseThrow();
        assertEquals("Renamed", found.getTitle());
        assertEquals("https://example.org/b", found.getUrl());
        assertTrue(threads.find(newKey()).isEmpty());
    }

    @Test
    void widgetMigrationsAreUpToDateAfterDeployment() {
        assertEquals(0, schema.migrate(), "deployment already ran every widget migration");
    }

    @Test
    void firstTimeCommenterWaitsAndIsTrustedOnceApproved() {
        var thread = newThread();
        var email = UUID.randomUUID() + "@example.org";
        var first = posting.post(thread, new NewComment(thread.getKey(), null, "Gia", email, null, "My first words"), guest());
        assertEquals(CommentStatus.PENDING, first.getStatus());
        assertTrue(events.all().contains(new CommentPosted(first.getId(), thread.getKey(), false)));

        moderation.approve(first.getId());
        assertTrue(events.all().contains(new CommentApproved(first.getId(), thread.getKey())));
        var typed = posting.post(thread, new NewComment(thread.getKey(), null, "Gia", email.toUpperCase(), null, "Back again"), guest());
        assertEquals(CommentStatus.PENDING, typed.getStatus(), "her address, typed from a client that proves nothing, earns no trust");
        var second = posting.post(thread, new NewComment(thread.getKey(), null, "Gia", email, null, "Back again, from my browser"),
                author(first.getId()));
        assertEquals(CommentStatus.APPROVED, second.getStatus(), "trusted by the proof that she wrote an approved comment");
    }

    /** A new client that proves to have written these comments (their own-comments tokens). */
    private static Commenter author(Long... ownIds) {
        return new Commenter("it-" + UUID.randomUUID(), Set.of(ownIds), Instant.now().minusSeconds(60), null, null);
    }

    @Test
    void moreThanTwoLinksWaitForModerationEvenForTrustedCommenters() {
        var thread = newThread();
        var email = UUID.randomUUID() + "@example.org";
        var hello = posting.post(thread, new NewComment(thread.getKey(), null, "Hal", email, null, "Hello"), guest());
        moderation.approve(hello.getId());
        var links = posting.post(thread, new NewComment(thread.getKey(), null, "Hal", email, null,
                "[a](https://a.example) [b](https://b.example) [c](https://c.example)"), author(hello.getId()));
        assertEquals(CommentStatus.PENDING, links.getStatus());
    }

    @Test
    void teamMemberPostsApprovedWithTheirBadgeAndName() {
        var thread = newThread();
        var reply = posting.post(thread, new NewComment(thread.getKey(), null, "typed name is ignored", null, null, "Welcome!"),
                Optional.of(new TeamMember("Rosa Lindqvist", Badge.AUTHOR)), guest());
        assertEquals(CommentStatus.APPROVED, reply.getStatus());
        assertEquals(Badge.AUTHOR, reply.getBadge());
        assertEquals("Rosa Lindqvist", reply.getAuthorName());
    }

    @Test
    void bannedEmailAndClientAreRefused() {
        var thread = newThread();
        var email = UUID.randomUUID() + "@example.org";
        moderation.banEmail(email);
        var error = assertThrows(InvalidCommentException.class,
                () -> posting.post(thread, new NewComment(thread.getKey(), null, "Ivy", email, null, "Hi"), guest()));
        assertEquals("banned", error.getReason());

        var client = guest();
        var spam = posting.post(thread, new NewComment(thread.getKey(), null, "Jon", null, null, "Cheap pills"), client);
        moderation.markSpam(spam.getId());
        moderation.banClientOf(spam.getId());
        assertEquals("banned", assertThrows(InvalidCommentException.class,
                () -> posting.post(thread, new NewComment(thread.getKey(), null, "Jon", null, null, "Hello again"), client)).getReason());
    }

    @Test
    void authorMayEditAndDeleteOwnCommentButNobodyElseMay() {
        var thread = newThread();
        var comment = posting.post(thread, new NewComment(thread.getKey(), null, "Kim", null, null, "Typo hree"), guest());
        var id = comment.getId();

        assertEquals("not-yours", assertThrows(InvalidCommentException.class, () -> edits.editOwn(id, Set.of(), "Hijacked")).getReason());
        var edited = edits.editOwn(id, Set.of(id), "Typo here");
        assertEquals("Typo here", edited.getMarkdown());
        assertTrue(edited.getEditedAt() != null);
        edits.deleteOwn(id, Set.of(id));
        assertEquals(CommentStatus.DELETED, comments.find(id).orElseThrow().getStatus());
    }

    @Test
    void eachBrowserSmilesOnce() {
        var thread = newThread();
        var comment = posting.post(thread, new NewComment(thread.getKey(), null, "Lou", null, null, "Smile at me"), guest());
        moderation.approve(comment.getId());
        assertEquals(1, smiles.smile(comment.getId(), "browser-a", "office"));
        assertEquals(1, smiles.smile(comment.getId(), "browser-a", "office"), "once per browser");
        assertEquals(2, smiles.smile(comment.getId(), "browser-b", "office"), "two browsers behind one address: two smiles");
        for (int i = 3; i <= Smiles.SMILES_PER_ADDRESS + 5; i++) {
            smiles.smile(comment.getId(), "browser-" + i, "office");
        }
        assertEquals(Smiles.SMILES_PER_ADDRESS, smiles.smile(comment.getId(), "cookie-dropper", "office"),
                "one address cannot smile without end by dropping its cookies");
        assertEquals(Smiles.SMILES_PER_ADDRESS + 1, smiles.smile(comment.getId(), "browser-x", "home"));
        var top = comments.page(thread.getKey(), 0, CommentService.Sort.TOP, Set.of()).comments();
        assertEquals(Smiles.SMILES_PER_ADDRESS + 1, top.getFirst().comment().getSmiles());
    }

    @Test
    void rateLimitRefusesTheSixthCommentInAMinuteAsTooMany() {
        var thread = newThread();
        var client = guest();
        var posted = new java.util.HashSet<Long>();
        for (int i = 0; i < 5; i++) {
            posted.add(posting.post(thread, new NewComment(thread.getKey(), null, "Max", null, null, "Comment " + i), client).getId());
        }
        var error = assertThrows(InvalidCommentException.class,
                () -> posting.post(thread, new NewComment(thread.getKey(), null, "Max", null, null, "One more"), client));
        assertEquals("rate-limit", error.getReason());
        assertTrue(error.isTooMany());
        assertEquals(5, comments.page(thread.getKey(), 0, CommentService.Sort.OLDEST, posted).topLevel(),
                "nothing of the refused comment is stored");
    }

    @Test
    void firstPageOfTenThousandCommentsTakesAsManyStatementsAsTwenty() throws SQLException {
        var small = seed(5, 3);
        var large = seed(2_500, 3);

        var smallCount = statementsFor(() -> comments.page(small.getKey(), 0, CommentService.Sort.OLDEST, Set.of()));
        var largeCount = statementsFor(() -> comments.page(large.getKey(), 0, CommentService.Sort.OLDEST, Set.of()));
        var largeNewest = statementsFor(() -> comments.page(large.getKey(), 3, CommentService.Sort.NEWEST, Set.of()));

        assertTrue(smallCount.statements > 0, "statements are counted");
        Logger.getLogger(CommentServicesIT.class.getName()).info(() -> "SQL statements for a thread page: " + smallCount.statements
                + " (20 comments), " + largeCount.statements + " (10,000 comments)");
        assertEquals(smallCount.statements, largeCount.statements, "no N+1: the same statements for 20 and 10,000 comments");
        assertEquals(smallCount.statements, largeNewest.statements);

        var page = largeCount.page;
        assertEquals(2_500, page.topLevel());
        assertEquals(50, page.comments().size(), "50 top-level comments per page");
        assertTrue(page.hasMore());
        assertEquals(3, page.comments().getFirst().replies().size());
        assertFalse(smallCount.page.hasMore());
        assertEquals(5, smallCount.page.comments().size());
    }

    @Test
    void aPageIsReadFromTheDatabaseOncePerRevisionAndAgainAfterAChange() throws SQLException {
        var thread = seed(3, 2);
        var first = statementsFor(() -> comments.page(thread.getKey(), 0, CommentService.Sort.OLDEST, Set.of()));
        var again = statementsFor(() -> comments.page(thread.getKey(), 0, CommentService.Sort.OLDEST, Set.of()));

        assertEquals(1, again.statements, "read again unchanged: only the thread is looked up (" + first.statements + " the first time)");
        assertTrue(first.page.comments() == again.page.comments(), "the very same comments, kept in memory");

        var reply = posting.post(thread, new NewComment(thread.getKey(), first.page.comments().getFirst().comment().getId(),
                "Rosa", null, null, "A reply from the team"), Optional.of(new TeamMember("Rosa", Badge.AUTHOR)), guest());
        var changed = statementsFor(() -> comments.page(thread.getKey(), 0, CommentService.Sort.OLDEST, Set.of()));
        assertTrue(changed.statements > 1, "the thread changed: read again");
        assertTrue(changed.page.comments().getFirst().replies().stream().anyMatch(n -> n.comment().getId().equals(reply.getId())),
                "the next read shows the new reply");
    }

    @Test
    void aPageListsCommentsWithoutTheirMarkdownButItsAuthorGetsTheirOwnWhole() {
        var thread = newThread();
        var everyone = posting.post(thread, new NewComment(thread.getKey(), null, "Rosa", null, null, "Approved *words*"),
                Optional.of(new TeamMember("Rosa", Badge.AUTHOR)), guest());
        var mine = posting.post(thread, new NewComment(thread.getKey(), null, "Lou", null, null, "My *pending* words"), guest());
        assertEquals(CommentStatus.PENDING, mine.getStatus());

        var anonymous = comments.page(thread.getKey(), 0, CommentService.Sort.OLDEST, Set.of()).comments();
        assertEquals(List.of(everyone.getId()), anonymous.stream().map(n -> n.comment().getId()).toList());
        assertEquals("<p>Approved <em>words</em></p>\n", anonymous.getFirst().comment().getHtml());
        assertEquals(null, anonymous.getFirst().comment().getMarkdown(), "a list does not read the Markdown");

        var author = comments.page(thread.getKey(), 0, CommentService.Sort.OLDEST, Set.of(mine.getId())).comments();
        assertEquals(List.of(everyone.getId(), mine.getId()), author.stream().map(n -> n.comment().getId()).toList());
        assertTrue(author.get(1).own() && author.get(1).pending());
        assertEquals("My *pending* words", author.get(1).comment().getMarkdown(), "its author's edit form gets the Markdown");
    }

    @Test
    void theApprovedCountIsCountedOncePerRevision() throws SQLException {
        var thread = seed(4, 1);
        var key = List.of(thread.getKey());
        var first = statementsFor(() -> {
            assertEquals(8L, comments.countApproved(key).get(thread.getKey()));
            return null;
        });
        var again = statementsFor(() -> {
            assertEquals(8L, comments.countApproved(key).get(thread.getKey()));
            return null;
        });
        assertEquals(1, again.statements, "counted again unchanged: only the thread's id is looked up (" + first.statements + " the first time)");
        posting.post(thread, new NewComment(thread.getKey(), null, "Rosa", null, null, "One more"),
                Optional.of(new TeamMember("Rosa", Badge.AUTHOR)), guest());
        assertEquals(9L, comments.countApproved(key).get(thread.getKey()), "counted again after a change");
    }

    private record Counted(int statements, CommentService.ThreadPage page) {
    }

    private Counted statementsFor(java.util.function.Supplier<CommentService.ThreadPage> load) {
        var session = emf.unwrap(ServerSession.class);
        var count = new AtomicInteger();
        var thread = Thread.currentThread();
        var listener = new SessionEventAdapter() {
            @Override
            public void postExecuteCall(SessionEvent event) {
                if (Thread.currentThread() == thread) {
                    count.incrementAndGet();
                }
            }
        };
        session.getEventManager().addListener(listener);
        try {
            var page = load.get();
            return new Counted(count.get(), page);
        } finally {
            session.getEventManager().removeListener(listener);
        }
    }

    /** A thread of {@code topLevel} comments with {@code replies} approved replies each, inserted in bulk. */
    private CommentThread seed(int topLevel, int replies) throws SQLException {
        var thread = newThread();
        var now = Instant.now().minusSeconds(3600);
        var insert = "insert into hc_comment (version, thread_id, parent_id, root_id, depth, status, author_name, markdown, html,"
                + " body_hash, client_hash, smiles, created_at) values (1, ?, ?, ?, ?, 'APPROVED', ?, ?, ?, ?, 'seed', 0, ?)";
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.prepareStatement(insert)) {
                for (int i = 0; i < topLevel; i++) {
                    fill(statement, thread.getId(), null, 0, "Reader " + i, now.plusMillis(i));
                    statement.addBatch();
                    if (i % 500 == 499) {
                        statement.executeBatch();
                    }
                }
                statement.executeBatch();
                var roots = new ArrayList<Long>();
                try (var query = connection.prepareStatement("select id from hc_comment where thread_id = ? and parent_id is null order by id")) {
                    query.setLong(1, thread.getId());
                    try (var rows = query.executeQuery()) {
                        while (rows.next()) {
                            roots.add(rows.getLong(1));
                        }
                    }
                }
                int n = 0;
                for (var root : roots) {
                    for (int r = 0; r < replies; r++) {
                        fill(statement, thread.getId(), root, 1, "Replier " + r, now.plusSeconds(60 + r));
                        statement.addBatch();
                        if (++n % 500 == 0) {
                            statement.executeBatch();
                        }
                    }
                }
                statement.executeBatch();
            }
            connection.commit();
        }
        return thread;
    }

    private static void fill(java.sql.PreparedStatement statement, long threadId, Long parent, int depth, String name, Instant when)
            throws SQLException {
        statement.setLong(1, threadId);
        statement.setObject(2, parent, java.sql.Types.BIGINT);
        statement.setObject(3, parent, java.sql.Types.BIGINT);
        statement.setInt(4, depth);
        statement.setString(5, name);
        statement.setString(6, "Words of " + name);
        statement.setString(7, "<p>Words of " + name + "</p>");
        statement.setString(8, UUID.randomUUID().toString());
        statement.setTimestamp(9, Timestamp.from(when));
    }

    @Test
    void threadRevisionChangesWithEveryNewModeratedEditedOrSmiledCommentAndShare() {
        var thread = newThread();
        var empty = revisions.of(thread.getKey()).number();
        var comment = posting.post(thread, new NewComment(thread.getKey(), null, "Vera", null, null, "Version me"), guest());
        var pending = revisions.of(thread.getKey()).number();
        assertTrue(pending != empty, "a new comment changes the revision");
        moderation.approve(comment.getId());
        var approved = revisions.of(thread.getKey()).number();
        assertTrue(approved != pending, "approving changes the revision");
        smiles.smile(comment.getId(), "smiler-" + UUID.randomUUID(), "address");
        var smiled = revisions.of(thread.getKey()).number();
        assertTrue(smiled != approved, "a smile changes the revision");
        moderation.delete(comment.getId());
        assertTrue(revisions.of(thread.getKey()).number() != smiled, "a deletion changes the revision");
        assertTrue(!revisions.of(thread.getKey()).changedAt().isBefore(comment.getCreatedAt()), "the change time follows");
        assertFalse(revisions.isShared(), "the test server's embedded Derby is this server's alone");
    }

    @Test
    void eightConcurrentPostersLoseNoComment() throws Exception {
        var thread = newThread();
        var tasks = new java.util.ArrayList<java.util.concurrent.Callable<Long>>();
        for (int poster = 0; poster < 8; poster++) {
            for (int n = 0; n < 10; n++) {
                var body = "Concurrent words " + poster + "." + n + " " + UUID.randomUUID();
                tasks.add(() -> posting.post(thread, new NewComment(thread.getKey(), null, "Poster", null, null, body), guest()).getId());
            }
        }
        // The server's own threads: plain threads have no transactions or naming context in a Jakarta EE server.
        jakarta.enterprise.concurrent.ManagedExecutorService pool =
                javax.naming.InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        var ids = new java.util.HashSet<Long>();
        for (var result : pool.invokeAll(tasks)) {
            ids.add(result.get());
        }
        assertEquals(80, ids.size(), "every post is stored, each with its own id");
        try (var em = emf.createEntityManager()) {
            assertEquals(80L, ((Number) em.createQuery("select count(c) from Comment c where c.threadId = :t")
                    .setParameter("t", thread.getId()).getSingleResult()).longValue());
        }
    }
}

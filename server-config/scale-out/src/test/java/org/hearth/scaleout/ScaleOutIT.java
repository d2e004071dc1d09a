package org.hearth.scaleout;

import static org.hearth.scaleout.Cluster.A;
import static org.hearth.scaleout.Cluster.B;
import static org.hearth.scaleout.Cluster.eventually;
import static org.hearth.scaleout.Cluster.get;
import static org.hearth.scaleout.Cluster.hearth;
import static org.hearth.scaleout.Cluster.status;
import static org.hearth.scaleout.Cluster.viaNginx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.hearth.scaleout.Cluster.Instance;

/**
 * Hearth as two GlassFish instances on one shared database behind nginx, set up exactly as the admin guide says:
 * upgrades over existing data, both instances serving the same posts, an instance crashing and rejoining, the database
 * going away and coming back (also while an instance starts, and during a first deployment), and a backup restored;
 * then the same two instances switched to PostgreSQL (a cluster of its own, when PostgreSQL is installed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Path MIGRATIONS = Cluster.REPO.resolve("blog-domain/src/main/resources/org/hearth/blog/schema/migration");
    private static final List<String> KEPT_SLUGS = List.of("written-before-the-upgrade", "also-written-before-the-upgrade");
    private static final Pattern TITLE_LINK = Pattern.compile("<h2[^>]*>\\s*<a [^>]*>([^<]+)</a>");
    private static final Pattern POST_LINK = Pattern.compile("href=\"/posts/([a-z0-9-]+)\"");
    private static final Instance A_ON_POSTGRES = A.on(Postgres.settings(true));
    private static final Instance B_ON_POSTGRES = B.on(Postgres.settings(false));

    /**
     * What a first start and deployment may log as a warning (none as SEVERE): each needs an admin, or cannot be
     * silenced and is explained in the admin guide (server-config/README.md, "What the log says").
     */
    private static final List<Pattern> EXPECTED_WARNINGS = Stream.of(
            "HEARTH SETUP TOKEN: .*",
            "Unprocessed event : UnprocessedChangeEvent\\{PropertyName=jvm-options.*",
            "Property \\S+ already set to .*, overriding with .*",
            "Context path from ServletContext:  differs from path from bundle: /",
            "Cannot find the resource bundle for the name com.sun.logging.enterprise.resource.resourceadapter for class"
                    + " org.glassfish.resources.mail.deployer.MailResourceDeployer .*").map(p -> Pattern.compile(p, Pattern.DOTALL)).toList();
    private static final Pattern LOG_ENTRY = Pattern.compile("^\\[[^\\]]+\\] \\[[^\\]]+\\] \\[(SEVERE|WARNING)\\] .*?\\[\\[\\n?(.*?)\\]\\]$",
            Pattern.MULTILINE | Pattern.DOTALL);

    private static final int SMTP_PORT = A.portBase() + 25;
    private static final String SMTP_PASSWORD = "relay-secret-" + System.nanoTime();
    private static final Map<String, String> SMTPS_WITH_LOGIN = Map.of(
            "HEARTH_MAIL_HOST", "127.0.0.1",
            "HEARTH_MAIL_PORT", Integer.toString(SMTP_PORT),
            "HEARTH_MAIL_SECURITY", "smtps",
            "HEARTH_MAIL_TRUST", "127.0.0.1",
            "HEARTH_MAIL_USER", "relay-user",
            "HEARTH_MAIL_PASSWORD", SMTP_PASSWORD,
            "HEARTH_MAIL_FROM", "blog@hearth.example");

    private static Postgres postgres;
    private static GreenMail smtp;

    @BeforeAll
    static void provision() throws Exception {
        tearDown();
        deleteRecursively(Cluster.DIR);
        assertTrue(Files.isRegularFile(Cluster.WAR), "run the main build first: no WAR at " + Cluster.WAR);
        hearth(null, "db-start");
        databaseOfThePreviousReleaseWithPosts();
        var smtps = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS);
        smtps.setServerStartupTimeout(60_000); // GreenMail's 2 s are too few on a busy 2-core machine
        smtp = new GreenMail(smtps);
        smtp.setUser("relay@hearth.example", "relay-user", SMTP_PASSWORD);
        smtp.start();
        for (var instance : List.of(A, B)) {
            deleteRecursively(Cluster.domain(instance)); // a first start, as on a new machine
            hearth(instance, SMTPS_WITH_LOGIN, "server-start");
        }
        Cluster.startNginx();
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
        Cluster.stopNginx();
        for (var instance : List.of(A, B)) {
            hearth(instance, "stop");
        }
        hearth(null, "db-stop");
        if (postgres != null) {
            postgres.destroy();
            postgres = null;
        }
    }

    /** The database as the first release left it: schema version 1 and posts written by hand. */
    private static void databaseOfThePreviousReleaseWithPosts() throws SQLException {
        try (var connection = Cluster.database()) {
            Flyway.configure().dataSource(Cluster.dataSource())
                    .locations("filesystem:" + MIGRATIONS).table("blog_schema_history")
                    .placeholders(Map.of("clob", "CLOB")).target("1").load().migrate();
            var now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            try (var author = connection.prepareStatement("INSERT INTO blog_author (version, slug, display_name, bio, created_at)"
                    + " VALUES (1, 'early-bird', 'Early Bird', 'Wrote before the upgrade.', ?)", new String[] {"ID"})) {
                author.setTimestamp(1, now);
                author.executeUpdate();
                var keys = author.getGeneratedKeys();
                keys.next();
                var authorId = keys.getLong(1);
                for (var slug : KEPT_SLUGS) {
                    try (var post = connection.prepareStatement("INSERT INTO blog_post (version, slug, title, markdown, html,"
                            + " excerpt, status, author_id, created_at, published_at, updated_at)"
                            + " VALUES (1, ?, ?, 'Kept.', '<p>Kept.</p>', 'Kept.', 'PUBLISHED', ?, ?, ?, ?)")) {
                        post.setString(1, slug);
                        post.setString(2, title(slug));
                        post.setLong(3, authorId);
                        post.setTimestamp(4, now);
                        post.setTimestamp(5, now);
                        post.setTimestamp(6, now);
                        post.executeUpdate();
                    }
                }
            }
        }
    }

    private static String title(String slug) {
        return "Post " + slug.replace('-', ' ');
    }

    @Test
    @Order(0)
    void untilHearthIsDeployedTheSiteSaysItIsStartingAndAFirstStartLogsNothingAnAdminNeedNotActOn() throws IOException {
        for (var instance : List.of(A, B)) {
            eventually(instance.name() + " answers", () -> status(instance.uri("/")) == 503);
            var starting = get(instance.uri("/"));
            assertEquals("5", starting.headers().firstValue("Retry-After").orElse(""), "browsers and balancers come back soon");
            assertTrue(starting.body().contains("<h1>Hearth is starting</h1>"), starting.body());
            assertTrue(starting.body().contains("<meta http-equiv=\"refresh\" content=\"5\">"), "the page reloads by itself");

            var deployment = hearth(instance, "deploy");
            assertTrue(deployment.contains("Hearth is serving http://localhost:" + instance.httpPort() + "/"), deployment);
            var home = get(instance.uri("/"));
            assertEquals(200, home.statusCode());
            assertTrue(postTitles(home.body()).contains(title(KEPT_SLUGS.get(0))), "Hearth's own home page");

            var log = Files.readString(Cluster.domain(instance).resolve("logs/server.log"));
            var unexpected = LOG_ENTRY.matcher(log).results()
                    .filter(entry -> entry.group(1).equals("SEVERE") || EXPECTED_WARNINGS.stream()
                            .noneMatch(expected -> expected.matcher(entry.group(2).strip()).matches()))
                    .map(MatchResult::group).toList();
            assertEquals(List.of(), unexpected, instance.name() + "'s first start and deployment log no SEVERE line and no unlisted warning");
        }
    }

    @Test
    @Order(1)
    void upgradeRunsThePendingMigrationsAndKeepsEveryPost() throws Exception {
        try (var connection = Cluster.database(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT \"version\" FROM \"blog_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
            var applied = new HashSet<String>();
            while (rows.next()) {
                applied.add(rows.getString(1));
            }
            assertEquals(Cluster.blogMigrationVersions(), applied, "every migration of the new WAR ran");
        }
        for (var slug : KEPT_SLUGS) {
            var page = get(viaNginx("/posts/" + slug));
            assertEquals(200, page.statusCode(), slug);
            assertTrue(page.body().contains(title(slug)), slug);
        }
    }

    @Test
    @Order(2)
    void bothInstancesServeTheSamePostsThroughNginx() {
        var upstreams = new HashSet<String>();
        for (int i = 0; i < 6; i++) {
            var home = get(viaNginx("/"));
            assertEquals(200, home.statusCode());
            upstreams.add(home.headers().firstValue("X-Upstream").orElse(""));
        }
        assertEquals(Set.of(A.upstream(), B.upstream()), upstreams, "nginx balances over both instances");
        assertEquals(postTitles(get(A.uri("/")).body()), postTitles(get(B.uri("/")).body()));
        assertTrue(postTitles(get(A.uri("/")).body()).containsAll(KEPT_SLUGS.stream().map(ScaleOutIT::title).toList()));
    }

    @Test
    @Order(3)
    void commentPostedOnAIsReadOnBAtOnce() {
        var comment = Cluster.commentRoundTrip(A, B, KEPT_SLUGS.get(0));
        assertTrue(get(viaNginx(comment.threadQuery()), comment.ownerHeader()).body().contains(comment.body()));
    }

    @Test
    @Order(3)
    void anImageUploadedOnAIsServedByBWithTheSameBytes() throws Exception {
        var image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        var admin = ConsoleSession.admin(A, "scale-admin", "scale-admin-password-" + System.nanoTime(), B, A);
        var editor = admin.submitWithFile("/console/posts/edit.xhtml", Map.of("editor:title", "", "editor:markdown", "",
                "editor:imageAlt", "Scaled out", "editor:upload", "Upload image"), "editor:image", "image/png", png.toByteArray());
        var address = Pattern.compile("!\\[Scaled out]\\((/media/[0-9a-f]{64}\\.png)\\)").matcher(editor.body());
        assertTrue(address.find(), "A shows the uploaded image's Markdown");
        var fromA = Cluster.getBytes(A.uri(address.group(1)));
        var fromB = Cluster.getBytes(B.uri(address.group(1)));
        assertEquals(200, fromB.statusCode(), "B serves what A stored");
        assertEquals("image/png", fromB.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(java.util.Arrays.equals(fromA.body(), fromB.body()), "the same bytes");
    }

    @Test
    @Order(3)
    void aPageKeptByBIsDroppedAtOnceWhenItsDiscussionChangesOnA() {
        var path = "/posts/" + KEPT_SLUGS.get(0);
        var keyMatcher = Pattern.compile("data-hc-share=\"([^\"]+)\"").matcher(get(B.uri(path)).body());
        assertTrue(keyMatcher.find(), "the post page carries its thread key");
        var kept = get(B.uri(path));
        assertEquals("hit", kept.headers().firstValue("X-Hearth-Cache").orElse(""), "B keeps the page it rendered");

        assertEquals(204, Cluster.post(A.uri("/share/linkedin?thread=" + keyMatcher.group(1)), "{}").statusCode(), "a share counted on A");

        var after = get(B.uri(path));
        assertEquals("miss", after.headers().firstValue("X-Hearth-Cache").orElse(""), "B renders the page again at once");
        assertNotEquals(kept.headers().firstValue("ETag"), after.headers().firstValue("ETag"), "with the new count");
    }

    /**
     * Each instance keeps the discussions it read in memory, under the thread's revision in the database: whatever changes
     * a discussion elsewhere is in this instance's next answer, from the JSON API and on the rendered page.
     */
    @Test
    @Order(3)
    void aDiscussionBKeptInMemoryShowsWhatChangedElsewhereAtItsNextRead() throws SQLException {
        var path = "/posts/" + KEPT_SLUGS.get(0);
        var comment = Cluster.commentRoundTrip(A, B, KEPT_SLUGS.get(0));
        assertFalse(get(B.uri(comment.threadQuery())).body().contains(comment.body()), "B keeps the discussion without it");
        assertFalse(get(B.uri(path)).body().contains(comment.body()), "B keeps the page without it");

        // A moderator on another server approves it: in the shared database, raising the thread's revision as the widget does.
        try (var connection = Cluster.database();
             var approve = connection.prepareStatement("UPDATE hc_comment SET status = 'APPROVED', version = version + 1 WHERE id = ?");
             var touch = connection.prepareStatement("UPDATE hc_thread SET revision = revision + 1, changed_at = CURRENT_TIMESTAMP"
                     + " WHERE id = (SELECT thread_id FROM hc_comment WHERE id = ?)")) {
            approve.setLong(1, comment.id());
            touch.setLong(1, comment.id());
            assertEquals(1, approve.executeUpdate());
            assertEquals(1, touch.executeUpdate());
        }
        assertTrue(get(B.uri(comment.threadQuery())).body().contains(comment.body()), "B's API shows the approved comment at once");
        assertTrue(get(B.uri(path)).body().contains(comment.body()), "B's rendered page shows it at once");

        var smile = Cluster.post(A.uri("/api/comments/" + comment.id() + "/smiles"), "");
        assertEquals(200, smile.statusCode(), smile.body());
        assertTrue(Pattern.compile("\"id\":" + comment.id() + ",[^\\[]*?\"smiles\":1,").matcher(get(B.uri(comment.threadQuery())).body()).find(),
                "B's API counts the smile given on A");
        var page = get(B.uri(path));
        assertEquals("miss", page.headers().firstValue("X-Hearth-Cache").orElse(""), "B renders its page again after the smile on A");
    }

    /**
     * Mail through an SMTPS server that wants a login (GreenMail refuses a wrong password), as both domains were first
     * configured: the password is only a password alias in domain.xml, and the confirmation mail of a newcomer's
     * address reaches the server.
     */
    @Test
    @Order(3)
    void mailGoesOutThroughAnSmtpsServerThatWantsALoginWhosePasswordIsAnAlias() throws IOException {
        for (var instance : List.of(A, B)) {
            var domainXml = Files.readString(Cluster.domain(instance).resolve("config/domain.xml"));
            assertFalse(domainXml.contains(SMTP_PASSWORD), "domain.xml never holds the SMTP password");
            assertTrue(domainXml.contains("${ALIAS=hearth-mail-password}"), "it names the password alias");
        }
        assertMailReaches(A, KEPT_SLUGS.get(0));
    }

    private static void assertMailReaches(Instance instance, String slug) {
        var address = "newcomer-" + System.nanoTime() + "@readers.example";
        Cluster.postComment(instance, Cluster.threadOf(instance, slug),
                "{\"name\":\"Mia\",\"email\":\"" + address + "\",\"body\":\"My first comment here.\"}");
        eventually("the mail confirming " + address + " reaches the SMTP server", () -> Stream.of(smtp.getReceivedMessages())
                .anyMatch(message -> recipients(message).contains(address)));
    }

    private static String recipients(MimeMessage message) {
        try {
            return Stream.of(message.getAllRecipients()).map(Object::toString).collect(Collectors.joining(" "));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(4)
    void readersKeepGettingPagesWhileAnInstanceIsDownAndItRejoins() {
        Cluster.kill(A);
        for (int i = 0; i < 6; i++) {
            var home = get(viaNginx("/"));
            assertEquals(200, home.statusCode(), "nginx serves every reader from B while A is down");
            assertEquals(B.upstream(), lastUpstream(home.headers().firstValue("X-Upstream").orElse("")));
        }
        hearth(A, "server-start");
        eventually("A answers again", () -> status(A.uri("/health")) == 200);
        eventually("nginx sends readers to A again", () -> get(viaNginx("/")).headers()
                .firstValue("X-Upstream").map(A.upstream()::equals).orElse(false));
    }

    @Test
    @Order(5)
    void databaseOutageAnswers503AndInstancesStartedOrFirstDeployedMeanwhileRecoverByThemselves() {
        hearth(null, "db-stop");
        var health = get(A.uri("/health"));
        assertEquals(503, health.statusCode());
        assertTrue(health.body().contains("\"database\":\"DOWN\""), health.body());
        var page = get(viaNginx("/posts/" + KEPT_SLUGS.get(0)));
        assertEquals(503, page.statusCode());
        assertTrue(page.body().contains("Back in a moment"), "a friendly page, not an error");
        assertTrue(page.headers().firstValue("Retry-After").isPresent());

        hearth(B, "stop");
        hearth(B, "server-start");
        assertEquals(503, status(B.uri("/health")), "B started while the database is down: deployed, and says so");

        hearth(A, "undeploy");
        var deployment = hearth(A, "deploy");
        assertTrue(deployment.contains("answers 503"), "a first deployment while the database is down succeeds:\n" + deployment);
        assertEquals(503, status(A.uri("/health")));
        var firstPage = get(A.uri("/posts/" + KEPT_SLUGS.get(0)));
        assertEquals(503, firstPage.statusCode());
        assertTrue(firstPage.body().contains("Back in a moment"), "a friendly page right after the first deployment");

        hearth(null, "db-start");
        for (var instance : List.of(A, B)) {
            eventually(instance.name() + " recovers", () -> status(instance.uri("/health")) == 200
                    && status(instance.uri("/posts/" + KEPT_SLUGS.get(0))) == 200);
        }
        Cluster.commentRoundTrip(A, B, KEPT_SLUGS.get(0));
    }

    @Test
    @Order(6)
    void backupRestoresPostsDeletedAfterIt() throws Exception {
        var output = hearth(null, "db-backup");
        var backup = Pattern.compile("db-restore (\\S+)'").matcher(output).results().findFirst()
                .orElseThrow(() -> new AssertionError("no backup folder in: " + output)).group(1);
        var lost = KEPT_SLUGS.get(1);
        try (var connection = Cluster.database(); var delete = connection.prepareStatement("DELETE FROM blog_post WHERE slug = ?")) {
            delete.setString(1, lost);
            assertEquals(1, delete.executeUpdate());
        }
        assertEquals(404, status(viaNginx("/posts/" + lost)), "the post is gone on every instance");

        hearth(null, "db-restore", backup);
        eventually("the restored post is served", () -> status(A.uri("/posts/" + lost)) == 200
                && status(B.uri("/posts/" + lost)) == 200);
    }

    /**
     * Switching databases is running another resource script: both domains, now on PostgreSQL, serve the same WAR from
     * a database their migrations created (the demo site loaded by A). Skipped when PostgreSQL is not installed.
     */
    @Test
    @Order(7)
    void switchingBothInstancesToPostgreSQLRunsTheMigrationsThereAndServesTheSite() throws IOException {
        var installation = Postgres.installation();
        assumeTrue(installation.isPresent(), "PostgreSQL is not installed (Debian's postgresql package; .ci/run installs it)");
        postgres = Postgres.start(installation.get());
        for (var instance : List.of(A_ON_POSTGRES, B_ON_POSTGRES)) {
            hearth(instance, "configure");
            eventually(instance.name() + " serves from PostgreSQL", () -> status(instance.uri("/health")) == 200);
        }
        assertEquals(Cluster.blogMigrationVersions(), postgresVersions("blog_schema_history"), "every blog migration ran");
        assertEquals(Cluster.widgetMigrationVersions(), postgresVersions("comments_schema_history"), "every widget migration ran");
        eventually("the demo site is in PostgreSQL", () -> get(viaNginx("/")).body().contains("Being A Star In Our Communities"));
        assertEquals(postSlugs(get(A.uri("/")).body()), postSlugs(get(B.uri("/")).body()), "both instances serve the same posts");
        assertEquals(200, status(viaNginx("/posts/" + aPostOnPostgres())));
    }

    @Test
    @Order(8)
    void onPostgreSQLACommentPostedOnAIsReadOnBAtOnce() {
        assumeTrue(postgres != null, "PostgreSQL runs");
        var comment = Cluster.commentRoundTrip(A_ON_POSTGRES, B_ON_POSTGRES, aPostOnPostgres());
        assertEquals("1", storedInPostgres(comment.body()), "the comment is stored in PostgreSQL");
    }

    @Test
    @Order(9)
    void onPostgreSQLAFirstDeploymentWhileTheDatabaseIsDownAnswers503AndRecoversByItself() {
        assumeTrue(postgres != null, "PostgreSQL runs");
        var slug = aPostOnPostgres();
        postgres.stop();
        hearth(A_ON_POSTGRES, "undeploy");
        var deployment = hearth(A_ON_POSTGRES, "deploy");
        assertTrue(deployment.contains("answers 503"), "the deployment succeeds while PostgreSQL is down:\n" + deployment);
        assertEquals(503, status(A.uri("/health")));
        var page = get(A.uri("/posts/" + slug));
        assertEquals(503, page.statusCode());
        assertTrue(page.body().contains("Back in a moment"), "a friendly page, not an error");

        postgres.restart();
        eventually("A recovers", () -> status(A.uri("/health")) == 200 && status(A.uri("/posts/" + slug)) == 200);
        var comment = Cluster.commentRoundTrip(A_ON_POSTGRES, B_ON_POSTGRES, slug);
        assertEquals("1", storedInPostgres(comment.body()), "A, deployed while PostgreSQL was down, writes to it");
    }

    @Test
    @Order(8)
    void reconfiguredForPostgreSQLAKeepsItsMailSettingsAndMailStillGoesOut() {
        assumeTrue(postgres != null, "PostgreSQL runs");
        assertMailReaches(A_ON_POSTGRES, aPostOnPostgres());
    }

    @Test
    @Order(10)
    void onPostgreSQLABackupRestoredUndoesAChangeMadeAfterIt() {
        assumeTrue(postgres != null, "PostgreSQL runs");
        var slug = aPostOnPostgres();
        var title = postgres.query("SELECT title FROM blog_post WHERE slug = '" + slug + "'").strip();
        var output = hearth(A_ON_POSTGRES, "db-backup");
        var backup = Pattern.compile("db-restore (\\S+)'").matcher(output).results().findFirst()
                .orElseThrow(() -> new AssertionError("no backup file in: " + output)).group(1);

        postgres.query("UPDATE blog_post SET title = 'Changed after the backup' WHERE slug = '" + slug + "'");
        assertEquals("Changed after the backup", postgres.query("SELECT title FROM blog_post WHERE slug = '" + slug + "'").strip());

        var restore = hearth(A_ON_POSTGRES, "db-restore", backup);
        assertTrue(restore.contains("database restored"), restore);
        assertEquals(title, postgres.query("SELECT title FROM blog_post WHERE slug = '" + slug + "'").strip(), "the change is gone");
        for (var instance : List.of(A, B)) {
            eventually(instance.name() + " serves the restored database", () -> status(instance.uri("/posts/" + slug)) == 200);
        }
    }

    /**
     * The admin guide's rolling upgrade, under load: drain A in nginx, deploy the next release on A (its migration adds
     * a column, which the release before runs on), put A back; the same for B. Every request is answered and every
     * comment the site accepted is stored. A was last deployed while PostgreSQL was down: its redeployment also checks
     * that such a deployment leaves nothing behind (it used to answer "Unknown Entity bean class" from then on).
     */
    @Test
    @Order(11)
    void aRollingUpgradeWithAMigrationAnswersEveryRequestAndKeepsEveryComment() throws Exception {
        assumeTrue(postgres != null, "PostgreSQL runs");
        var next = NextRelease.build(Cluster.WAR, Cluster.DIR.resolve("hearth-next.war"));
        var slug = aPostOnPostgres();
        var traffic = new Traffic(slug, Cluster.threadOf(A, slug));
        try (traffic) {
            traffic.awaitAcceptedMoreThan(0);
            for (var instance : List.of(A_ON_POSTGRES, B_ON_POSTGRES)) {
                Cluster.balanceOver(Set.of(instance.portBase() == A.portBase() ? B : A));
                var deployment = hearth(instance, "deploy", next.toString());
                assertTrue(deployment.contains("Hearth is serving"), deployment);
                Cluster.balanceOver(Set.of(A, B));
            }
            traffic.awaitAcceptedMoreThan(traffic.accepted().size());
        }
        assertEquals(List.of(), traffic.failures(), "every request is answered (" + traffic.reads() + " reads)");
        assertTrue(postgresVersions("blog_schema_history").contains(NextRelease.VERSION), "the next release's migration ran");
        assertEquals("0", postgres.query("SELECT count(" + NextRelease.COLUMN + ") FROM blog_post").strip(), "its column is there");
        for (var body : traffic.accepted()) {
            assertEquals("1", storedInPostgres(body), "every comment the site accepted is stored: " + body);
        }
    }

    private static Set<String> postgresVersions(String historyTable) {
        return postgres.query("SELECT version FROM " + historyTable + " WHERE success AND type <> 'BASELINE'")
                .lines().filter(line -> !line.isBlank()).collect(Collectors.toSet());
    }

    private static String storedInPostgres(String body) {
        return postgres.query("SELECT count(*) FROM hc_comment WHERE markdown = '" + body.replace("'", "''") + "'").strip();
    }

    private static String aPostOnPostgres() {
        var slugs = postSlugs(get(A.uri("/")).body());
        assertFalse(slugs.isEmpty(), "the home page lists posts");
        return slugs.get(0);
    }

    private static List<String> postSlugs(String html) {
        return POST_LINK.matcher(html).results().map(m -> m.group(1)).distinct().toList();
    }

    private static List<String> postTitles(String html) {
        return TITLE_LINK.matcher(html).results().map(m -> m.group(1).strip()).toList();
    }

    private static String lastUpstream(String upstreams) {
        var parts = upstreams.split(",\\s*");
        return parts[parts.length - 1];
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}

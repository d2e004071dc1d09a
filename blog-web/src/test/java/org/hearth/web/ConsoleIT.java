package org.hearth.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;

import org.hearth.blog.team.FirstAdminSetup;
import org.hearth.blog.team.TeamRole;
import org.hearth.blog.team.TeamService;
import org.hearth.comments.host.Badge;
import org.hearth.comments.host.BanScope;
import org.hearth.comments.host.CommentExport;
import org.hearth.comments.host.ExportedComment;
import org.hearth.comments.host.Moderation;
import org.hearth.comments.host.TeamInbox;
import org.hearth.comments.host.ThreadSummary;
import org.hearth.comments.host.CommentSearch;
import org.hearth.comments.host.CommenterProfiles;
import org.hearth.comments.host.CommentImport;
import org.hearth.comments.host.ImportedComment;
import org.hearth.comments.search.CommentWordBacklog;
import org.hearth.comments.security.Visitors;
import org.hearth.comments.comment.AuthorEdits;
import org.hearth.comments.comment.CommentAuthor;
import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentPosting;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.Commenter;
import org.hearth.comments.host.InvalidCommentException;
import org.hearth.comments.host.NewComment;
import org.hearth.comments.inbox.Inbox;
import org.hearth.comments.host.CommunityFigures;
import org.hearth.comments.host.ModerationAction;
import org.hearth.comments.moderation.ModerationQueue;
import org.hearth.comments.host.ShareFigures;
import org.hearth.comments.share.ShareCounter;
import org.hearth.comments.host.ShareNetwork;
import org.hearth.comments.host.TeamMember;
import org.hearth.comments.thread.CommentThread;
import org.hearth.comments.thread.CommentThreadService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The community console: sign-in, roles, waits after failed sign-ins and the first-admin token; the editor's conflict check; moderation
 * and the inbox. Client tests use the real pages through HTTP; the others the services inside GlassFish.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static final List<String> CONSOLE_URLS = List.of("console/", "console/index.xhtml", "console/posts/index.xhtml",
            "console/posts/edit.xhtml", "console/moderation/index.xhtml", "console/inbox/index.xhtml",
            "console/dashboard/index.xhtml", "console/team/index.xhtml", "console/bans/index.xhtml", "console/bans/new.xhtml?comment=1");

    @Deployment
    static WebArchive deployment() {
        return Deployments.hearthWar("console-it", ConsoleIT.class, TeamFixture.class, CommentFixture.class, ConsoleClient.class);
    }

    @ArquillianResource
    private URL base;

    @Inject
    private FirstAdminSetup setup;

    @Inject
    private TeamService team;

    @Inject
    private CommentThreadService threads;

    @Inject
    private CommentService comments;

    @Inject
    private CommentPosting posting;

    @Inject
    private ModerationQueue queue;

    @Inject
    private Inbox inbox;

    @PersistenceContext(unitName = "hearth-blog")
    private EntityManager blog;

    @Resource
    private UserTransaction tx;

    @Resource(lookup = "jdbc/hearth")
    private DataSource database;

    @Inject
    private CommunityFigures figures;

    @Inject
    private ShareCounter shares;

    @Inject
    private ShareFigures shareFigures;

    @Inject
    private CommentSearch commentSearch;

    @Inject
    private CommentImport commentImport;

    @Inject
    private CommentWordBacklog wordBacklog;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Inject
    private AuthorEdits authorEdits;

    @Inject
    private CommenterProfiles profiles;

    @Inject
    private Visitors visitors;

    @Inject
    private Moderation moderation;

    @Inject
    private TeamInbox teamInbox;

    @Inject
    private CommentExport export;

    @Test
    @RunAsClient
    void everyConsoleUrlSendsAnonymousVisitorsToSignIn() throws Exception {
        var client = new ConsoleClient(base);
        for (var url : CONSOLE_URLS) {
            var response = client.get(url);
            assertEquals(302, response.statusCode(), url);
            assertTrue(response.headers().firstValue("Location").orElseThrow().endsWith("/console-it/sign-in.xhtml"), url);
        }
        var signIn = ConsoleClient.page(client.open("console/inbox/index.xhtml"));
        assertNotNull(signIn.selectFirst("label[for=signin:username]"));
        assertNotNull(signIn.selectFirst("input[type=password]"));
    }

    @Test
    @RunAsClient
    void eachRoleOpensItsSectionsAndGets403Elsewhere() throws Exception {
        var expected = Map.of(
                "it-moderator", Map.of("console/inbox/index.xhtml", 200, "console/moderation/index.xhtml", 200,
                        "console/dashboard/index.xhtml", 200, "console/bans/index.xhtml", 200, "console/posts/index.xhtml", 403,
                        "console/team/index.xhtml", 403),
                "it-author", Map.of("console/posts/index.xhtml", 200, "console/posts/edit.xhtml", 200,
                        "console/inbox/index.xhtml", 403, "console/moderation/index.xhtml", 403, "console/team/index.xhtml", 403,
                        "console/bans/index.xhtml", 403),
                "it-admin", Map.of("console/posts/index.xhtml", 200, "console/inbox/index.xhtml", 200,
                        "console/moderation/index.xhtml", 200, "console/team/index.xhtml", 200, "console/index.xhtml", 200));
        for (var member : expected.entrySet()) {
            var client = new ConsoleClient(base);
            client.ensureMember(member.getKey(), member.getKey().substring(3).toUpperCase());
            assertEquals(302, client.signIn(member.getKey(), TeamFixture.PASSWORD).statusCode());
            for (var url : member.getValue().entrySet()) {
                var response = client.get(url.getKey());
                assertEquals(url.getValue(), response.statusCode(), member.getKey() + " " + url.getKey());
                if (response.statusCode() == 403) {
                    assertEquals("Not allowed", ConsoleClient.page(response).selectFirst("h1").text());
                }
            }
        }
    }

    @Test
    @RunAsClient
    void signingInChangesTheSessionIdAndSigningOutEndsIt() throws Exception {
        var client = new ConsoleClient(base);
        client.ensureMember("it-session", "MODERATOR");
        client.get("console/inbox/index.xhtml"); // the redirect to sign-in starts a session
        var before = client.sessionId();
        assertNotNull(before);
        var signedIn = client.signIn("it-session", TeamFixture.PASSWORD);
        assertEquals(302, signedIn.statusCode());
        assertTrue(signedIn.headers().firstValue("Location").orElseThrow().endsWith("/console/inbox/index.xhtml"),
                "back to the page asked for");
        assertNotEquals(before, client.sessionId());
        assertEquals("Inbox", ConsoleClient.page(client.open(signedIn.headers().firstValue("Location").orElseThrow())).selectFirst("h1").text());
        var console = ConsoleClient.page(client.open("console/index.xhtml"));
        assertTrue(console.selectFirst("h1").text().contains("IT it-session"));

        var signedOut = client.submit(console, "signout", Map.of("signout:go", "Sign out"));
        assertEquals(302, signedOut.statusCode());
        assertEquals(302, client.get("console/index.xhtml").statusCode());
    }

    private static final String REFUSED = "This username and password were not accepted.";
    private static final Pattern WAIT = Pattern.compile("Too many failed sign-ins from your network address: wait (\\d+) seconds? before you try again\\.");

    @Test
    @RunAsClient
    void wrongPasswordsFromOneAddressNeverKeepTheMemberOutWhoSignsInFromAnother() throws Exception {
        var admin = signedIn("it-team-admin", "ADMIN");
        var member = new ConsoleClient(base);
        member.ensureMember("it-targeted", "AUTHOR");
        var attacker = new ConsoleClient(base, "127.0.0.2");
        guessUntilToldToWait(attacker, "it-targeted", 4);

        var rightPassword = attacker.signIn("it-targeted", TeamFixture.PASSWORD);
        assertEquals(200, rightPassword.statusCode(), "the guessing address waits, even with the right password");
        assertEquals(REFUSED, errors(rightPassword).getFirst());
        assertTrue(WAIT.matcher(errors(rightPassword).get(1)).matches(), errors(rightPassword).toString());
        assertEquals(302, attacker.get("console/posts/index.xhtml").statusCode());

        assertEquals(302, member.signIn("it-targeted", TeamFixture.PASSWORD).statusCode(), "the member signs in from another address");
        assertEquals(200, member.get("console/posts/index.xhtml").statusCode());

        assertTrue(ConsoleClient.page(memberPage(admin, "it-targeted")).selectFirst("#signins-state").text()
                .startsWith("5 failed sign-ins as this member in the last day, from one network address;"));
        var lifted = onMemberPage(admin, "it-targeted", "signInWaits", Map.of("signInWaits:lift", "Lift the waits"));
        assertEquals(302, lifted.statusCode());
        var page = ConsoleClient.page(admin.open(lifted.headers().firstValue("Location").orElseThrow()));
        assertEquals("Sign-ins as it-targeted no longer wait after earlier failures.", page.selectFirst(".console-messages .info").text());
        assertEquals("No failed sign-ins as this member in the last day.", page.selectFirst("#signins-state").text());
        assertEquals(302, attacker.signIn("it-targeted", TeamFixture.PASSWORD).statusCode(), "the waits are lifted");
    }

    @Test
    @RunAsClient
    void anUnknownUsernameAndAWrongPasswordReadAndWaitAlike() throws Exception {
        new ConsoleClient(base).ensureMember("it-known", "AUTHOR");
        var member = new ConsoleClient(base, "127.0.0.3");
        var stranger = new ConsoleClient(base, "127.0.0.4");
        var unknown = "it-nobody";
        List<String> third = List.of();
        for (int attempt = 1; attempt <= 3; attempt++) {
            var wrongPassword = member.signIn("it-known", "not the password");
            var noSuchUser = stranger.signIn(unknown, "not the password");
            assertEquals(200, wrongPassword.statusCode());
            assertEquals(200, noSuchUser.statusCode());
            assertEquals(errors(wrongPassword), errors(noSuchUser), "attempt " + attempt);
            third = errors(noSuchUser);
        }
        assertEquals(List.of(REFUSED, "Too many failed sign-ins from your network address: wait 1 second before you try again."), third,
                "the third failure in a row makes both wait alike");
    }

    @Test
    @RunAsClient
    void aWaitingAddressIsRefusedEvenWithTheRightPasswordUntilTheWaitIsOver() throws Exception {
        new ConsoleClient(base).ensureMember("it-patient", "MODERATOR");
        var client = new ConsoleClient(base, "127.0.0.5");
        guessUntilToldToWait(client, "it-patient", 4);

        var tooSoon = client.signIn("it-patient", TeamFixture.PASSWORD);
        assertEquals(200, tooSoon.statusCode());
        var wait = WAIT.matcher(errors(tooSoon).get(1));
        assertTrue(wait.matches(), errors(tooSoon).toString());
        assertTrue(Integer.parseInt(wait.group(1)) <= 4, wait.group());

        await("the right password once the wait is over").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> client.signIn("it-patient", TeamFixture.PASSWORD).statusCode() == 302);
        assertEquals(200, client.get("console/inbox/index.xhtml").statusCode());
    }

    @Test
    @RunAsClient
    void guessesSentAllAtOnceCannotSlipPastTheWaitTogether() throws Exception {
        var admin = signedIn("it-team-admin", "ADMIN");
        new ConsoleClient(base).ensureMember("it-rushed", "AUTHOR");
        var guesses = new ArrayList<Callable<HttpResponse<String>>>();
        for (int i = 0; i < 8; i++) {
            guesses.add(new ConsoleClient(base, "127.0.0.7").signInLater("it-rushed", "a guess"));
        }
        try (var pool = Executors.newFixedThreadPool(guesses.size())) {
            for (var answer : pool.invokeAll(guesses)) {
                assertEquals(REFUSED, errors(answer.get()).getFirst());
            }
        }
        var state = ConsoleClient.page(memberPage(admin, "it-rushed")).selectFirst("#signins-state").text();
        var checked = Integer.parseInt(state.substring(0, state.indexOf(' ')));
        assertTrue(checked >= 3 && checked <= 4, "three guesses are free, the others wait (one more only after a second): " + state);
    }

    /** Wrong passwords from this client, waiting when told to, until the answer asks for a wait of at least {@code seconds}. */
    private static void guessUntilToldToWait(ConsoleClient client, String username, int seconds) {
        await("a wait of " + seconds + " s").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            var errors = errors(client.signIn(username, "not the password"));
            var wait = errors.size() == 2 ? WAIT.matcher(errors.get(1)) : null;
            return wait != null && wait.matches() && Integer.parseInt(wait.group(1)) >= seconds;
        });
    }

    /** The error messages of a page, in order. */
    private static List<String> errors(HttpResponse<String> response) {
        return ConsoleClient.page(response).select(".console-messages .error").eachText();
    }

    @Test
    @RunAsClient
    void crossSitePostsToTheConsoleAreRefused() throws Exception {
        var client = new ConsoleClient(base);
        var response = client.post("sign-in.xhtml", Map.of("signin:username", "x"), "https://evil.example");
        assertEquals(403, response.statusCode());
    }

    @Test
    void theSetupTokenCreatesTheFirstAdminOnceAndOnlyWhileTheTeamIsEmpty() throws Exception {
        tx.begin();
        blog.createQuery("delete from TeamUser").executeUpdate();
        tx.commit();

        var token = setup.issueToken().orElseThrow();
        assertThrows(FirstAdminSetup.RefusedException.class, () -> setup.redeem("WRONG-TOKEN", "first", "First Admin", "twelve chars ok"));
        assertThrows(IllegalArgumentException.class, () -> setup.redeem(token, "first", "First Admin", "short"), "a short password spends nothing");

        var admin = setup.redeem(token, "first", "First Admin", "twelve chars ok");
        assertEquals(TeamRole.ADMIN, admin.getRole());
        assertThrows(FirstAdminSetup.RefusedException.class, () -> setup.redeem(token, "second", "Second Admin", "twelve chars ok"));
        assertTrue(setup.issueToken().isEmpty(), "no token once a team exists");
        assertEquals(TeamService.Outcome.ACCEPTED, team.signIn("first", "twelve chars ok", "127.0.0.1").outcome());
    }

    @Test
    @RunAsClient
    void anEditorSavingOverANewerSaveGetsAConflictMessageAndNothingIsLost() throws Exception {
        var client = new ConsoleClient(base);
        client.ensureMember("it-writer", "AUTHOR");
        client.signIn("it-writer", TeamFixture.PASSWORD);
        var title = "Conflicts " + UUID.randomUUID();
        var created = client.submit("console/posts/edit.xhtml", "editor", Map.of("editor:title", title,
                "editor:markdown", "First words.", "editor:save", "Save"));
        assertEquals(302, created.statusCode());
        var editorUrl = created.headers().firstValue("Location").orElseThrow();

        var first = ConsoleClient.page(client.open(editorUrl));
        var second = ConsoleClient.page(client.open(editorUrl));
        assertEquals(302, client.submit(first, "editor", Map.of("editor:title", title, "editor:markdown", "Mine.", "editor:save", "Save")).statusCode());
        var conflict = client.submit(second, "editor", Map.of("editor:title", title, "editor:markdown", "Theirs.", "editor:save", "Save"));
        assertEquals(200, conflict.statusCode());
        assertTrue(ConsoleClient.page(conflict).selectFirst(".console-messages .error").text().startsWith("Someone else saved this post"));
        var reloaded = ConsoleClient.page(client.open(editorUrl));
        assertEquals("Mine.", reloaded.selectFirst("textarea[name=editor:markdown]").text());

        var published = client.submit(reloaded, "editor", Map.of("editor:title", title, "editor:markdown", "Mine.", "editor:publish", "Publish now"));
        assertEquals(302, published.statusCode());
        var home = ConsoleClient.page(client.open(""));
        assertNotNull(home.selectFirst("a:containsOwn(" + title + ")"), "readers see the published post");
    }

    @Test
    @RunAsClient
    void whatTheDomainRefusesIsSaidInTheMembersLanguageOnEveryConsolePage() throws Exception {
        var admin = signedIn("it-polyglot", "ADMIN");
        speak(admin, "de");
        var add = new java.util.HashMap<>(Map.of("add:username", "it-neu", "add:displayName", "Neu", "add:role", "AUTHOR",
                "add:password", "kurz", "add:go", "Hinzufügen"));
        var tooShort = admin.submit("console/team/index.xhtml", "add", add);
        assertEquals(200, tooShort.statusCode());
        assertEquals("Ein Passwort muss mindestens 12 Zeichen haben.", error(tooShort));
        add.putAll(Map.of("add:username", "it neu", "add:password", NEW_PASSWORD));
        assertEquals("Ein Benutzername muss 3 bis 60 Zeichen lang sein: Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.",
                error(admin.submit("console/team/index.xhtml", "add", add)));
        add.put("add:username", "it-polyglot");
        assertEquals("Der Benutzername it-polyglot ist vergeben; bitte wählen Sie einen anderen.",
                error(admin.submit("console/team/index.xhtml", "add", add)));
        admin.ensureMember("it-polyglot-author", "AUTHOR");
        var reset = onMemberPage(admin, "it-polyglot-author", "passwordReset",
                Map.of("passwordReset:password", "kurz", "passwordReset:confirmation", "kurz", "passwordReset:go", "Setzen"));
        assertEquals("Ein Passwort muss mindestens 12 Zeichen haben.", error(reset));

        speak(admin, "fr");
        var email = admin.submit("console/index.xhtml", "notifications",
                Map.of("notifications:email", "pas une adresse", "notifications:save", "Enregistrer"));
        assertEquals(200, email.statusCode());
        assertEquals("« pas une adresse » ne ressemble pas à une adresse e-mail.", error(email));

        speak(admin, "es");
        var tags = String.join(", ", java.util.stream.IntStream.rangeClosed(1, 13).mapToObj(i -> "etiqueta " + i).toList());
        var tooManyTags = admin.submit("console/posts/edit.xhtml", "editor",
                Map.of("editor:title", "Demasiadas etiquetas", "editor:tags", tags, "editor:markdown", "Texto.", "editor:save", "Guardar"));
        assertEquals(200, tooManyTags.statusCode());
        assertEquals("Una entrada puede tener como máximo 12 etiquetas.", error(tooManyTags));

        var link = ConsoleClient.page(onMemberPage(admin, "it-polyglot-author", "resetLink", Map.of("resetLink:go", "Crear")))
                .selectFirst("#reset-link").val();
        var arabic = new ConsoleClient(base);
        speak(arabic, "ar");
        var form = ConsoleClient.page(arabic.open(link));
        assertEquals("rtl", form.selectFirst("html").attr("dir"));
        var refused = arabic.submit(form, "reset", Map.of("reset:password", "قصيرة", "reset:confirmation", "قصيرة", "reset:go", "حفظ"));
        assertEquals(200, refused.statusCode());
        assertTrue(error(refused).startsWith("يجب أن تتكوّن كلمة المرور من") && error(refused).contains("حرفًا على الأقل"), error(refused));
    }

    @Test
    @RunAsClient
    void aPasswordWithLettersBeyondAsciiSetOnAMembersPageSignsInThroughTheFormWithoutASession() throws Exception {
        var admin = signedIn("it-polyglot", "ADMIN");
        admin.ensureMember("it-accents", "AUTHOR");
        var password = "contraseña de Zoë – كلمة";
        var set = onMemberPage(admin, "it-accents", "passwordReset",
                Map.of("passwordReset:password", password, "passwordReset:confirmation", password, "passwordReset:go", "Set"));
        assertEquals(302, set.statusCode(), error(set));
        assertEquals(302, new ConsoleClient(base).signIn("it-accents", password).statusCode(),
                "the sign-in form (no session yet) reads the password as UTF-8, as the member page wrote it");
    }

    /** Picks the language of this client's pages with the language link, as a member does. */
    private static void speak(ConsoleClient client, String language) throws Exception {
        assertEquals(303, client.get("language?to=" + language + "&back=/").statusCode(), language);
    }

    private static final String NEW_PASSWORD = "a brand new password 42";

    /** A member with this role, signed in to the console. */
    private ConsoleClient signedIn(String username, String role) throws Exception {
        var client = new ConsoleClient(base);
        client.ensureMember(username, role);
        assertEquals(302, client.signIn(username, TeamFixture.PASSWORD).statusCode());
        return client;
    }

    private static HttpResponse<String> memberPage(ConsoleClient admin, String username) throws Exception {
        var page = admin.get("console/team/member.xhtml?username=" + username);
        assertEquals(200, page.statusCode(), username);
        return page;
    }

    /** Submits a form of a member's page; the answer is its redirect (done) or the page again (refused). */
    private static HttpResponse<String> onMemberPage(ConsoleClient admin, String username, String form, Map<String, String> fields)
            throws Exception {
        return admin.submit(ConsoleClient.page(memberPage(admin, username)), form, fields);
    }

    private static String error(HttpResponse<String> response) {
        var error = ConsoleClient.page(response).selectFirst(".console-messages .error, span.error");
        return error == null ? "" : error.text();
    }

    @Test
    @RunAsClient
    void aNewRoleTakesEffectAtOnceEndingTheMembersOpenSession() throws Exception {
        var admin = signedIn("it-team-admin", "ADMIN");
        var member = signedIn("it-promoted", "MODERATOR");
        assertEquals(200, member.get("console/inbox/index.xhtml").statusCode());
        assertEquals(403, member.get("console/posts/index.xhtml").statusCode());

        var changed = onMemberPage(admin, "it-promoted", "roleChange", Map.of("roleChange:role", "AUTHOR", "roleChange:go", "Change the role"));
        assertEquals(302, changed.statusCode());
        var shown = ConsoleClient.page(admin.open(changed.headers().firstValue("Location").orElseThrow()));
        assertEquals("it-promoted is now Author. Their open sessions have ended.", shown.selectFirst(".console-messages .info").text());
        assertTrue(shown.selectFirst("#member-state").text().startsWith("Author"));

        var bounced = member.get("console/inbox/index.xhtml");
        assertEquals(302, bounced.statusCode(), "the session signed in as a moderator has ended");
        assertTrue(bounced.headers().firstValue("Location").orElseThrow().endsWith("/sign-in.xhtml"));
        assertEquals(302, member.signIn("it-promoted", TeamFixture.PASSWORD).statusCode());
        assertEquals(200, member.get("console/posts/index.xhtml").statusCode(), "an author writes");
        assertEquals(403, member.get("console/inbox/index.xhtml").statusCode(), "and no longer moderates");
    }

    @Test
    @RunAsClient
    void anAdminSetsANewPasswordTheMemberSignsInWithItAndNotTheOldOne() throws Exception {
        var admin = signedIn("it-team-admin", "ADMIN");
        var member = signedIn("it-forgetful", "AUTHOR");
        var stranger = new ConsoleClient(base, "127.0.0.6");
        for (int i = 0; i < 3; i++) {
            stranger.signIn("it-forgetful", "a guessed password");
        }
        assertTrue(ConsoleClient.page(memberPage(admin, "it-forgetful")).selectFirst("#signins-state").text().startsWith("3 failed sign-ins"));

        var mismatch = onMemberPage(admin, "it-forgetful", "passwordReset",
                Map.of("passwordReset:password", NEW_PASSWORD, "passwordReset:confirmation", "something else", "passwordReset:go", "Set"));
        assertEquals(200, mismatch.statusCode());
        assertEquals("The two passwords differ.", error(mismatch));
        var tooShort = onMemberPage(admin, "it-forgetful", "passwordReset",
                Map.of("passwordReset:password", "short", "passwordReset:confirmation", "short", "passwordReset:go", "Set"));
        assertEquals(200, tooShort.statusCode());
        assertTrue(error(tooShort).contains("at least 12 characters"), error(tooShort));

        var reset = onMemberPage(admin, "it-forgetful", "passwordReset",
                Map.of("passwordReset:password", NEW_PASSWORD, "passwordReset:confirmation", NEW_PASSWORD, "passwordReset:go", "Set"));
        assertEquals(302, reset.statusCode());
        assertEquals(302, member.get("console/posts/index.xhtml").statusCode(), "the session signed in with the old password has ended");
        var old = new ConsoleClient(base).signIn("it-forgetful", TeamFixture.PASSWORD);
        assertEquals(200, old.statusCode());
        assertEquals(REFUSED, error(old));
        assertEquals(302, member.signIn("it-forgetful", NEW_PASSWORD).statusCode(), "the new password works");
        assertTrue(ConsoleClient.page(memberPage(admin, "it-forgetful")).selectFirst("#signins-state").text().startsWith("No failed sign-ins"),
                "and the waits the guesses made are lifted");
        assertEquals(200, member.get("console/posts/index.xhtml").statusCode());
        assertEquals(200, admin.get("console/team/index.xhtml").statusCode(), "the admin stays signed in");
    }

    @Test
    @RunAsClient
    void aOneTimeLinkLetsTheMemberChooseTheirOwnPasswordOnce() throws Exception {
        var admin = signedIn("it-team-admin", "ADMIN");
        var member = signedIn("it-linked", "AUTHOR");
        var replaced = resetLink(admin, "it-linked");
        var link = resetLink(admin, "it-linked");
        assertNotEquals(replaced, link);
        assertEquals("This link is not valid any more: it was used, it expired, or a newer one replaced it. Ask an admin for a new one.",
                ConsoleClient.page(new ConsoleClient(base).get(replaced)).selectFirst("#reset-invalid").ownText(), "a newer link replaces the first");
        assertEquals(200, member.get("console/posts/index.xhtml").statusCode(), "creating a link changes nothing yet");

        var visitor = new ConsoleClient(base);
        var form = visitor.get(link);
        assertEquals(200, form.statusCode());
        assertEquals("no-store", form.headers().firstValue("Cache-Control").orElse(""));
        var mismatch = visitor.submit(ConsoleClient.page(form), "reset",
                Map.of("reset:password", NEW_PASSWORD, "reset:confirmation", "not the same", "reset:go", "Set"));
        assertEquals("The two passwords differ.", error(mismatch));
        var done = visitor.submit(ConsoleClient.page(mismatch), "reset",
                Map.of("reset:password", NEW_PASSWORD, "reset:confirmation", NEW_PASSWORD, "reset:go", "Set"));
        assertEquals(302, done.statusCode());
        assertEquals("Your new password is set. Sign in with it.",
                ConsoleClient.page(visitor.open(done.headers().firstValue("Location").orElseThrow())).selectFirst(".console-messages .info").text());

        assertEquals(302, member.get("console/posts/index.xhtml").statusCode(), "sessions with the old password end");
        assertEquals(REFUSED, error(new ConsoleClient(base).signIn("it-linked", TeamFixture.PASSWORD)));
        assertEquals(302, member.signIn("it-linked", NEW_PASSWORD).statusCode());
        assertNotNull(ConsoleClient.page(new ConsoleClient(base).get(link)).selectFirst("#reset-invalid"), "the link works once");
    }

    /** Creates a one-time password link for the member on their page, as an admin; the link shown. */
    private static String resetLink(ConsoleClient admin, String username) throws Exception {
        var created = onMemberPage(admin, username, "resetLink", Map.of("resetLink:go", "Create a one-time link"));
        assertEquals(200, created.statusCode());
        var link = ConsoleClient.page(created).selectFirst("input#reset-link").val();
        assertTrue(link.matches("https?://.+/reset-password\\.xhtml\\?token=[\\w-]{43}"), link);
        return link;
    }

    @Test
    @RunAsClient
    void aRemovedMemberCannotSignInUntilTakenBack() throws Exception {
        var admin = signedIn("it-team-admin", "ADMIN");
        var member = signedIn("it-leaver", "MODERATOR");

        var removed = onMemberPage(admin, "it-leaver", "access", Map.of("access:remove", "Remove from the team"));
        assertEquals(302, removed.statusCode());
        assertEquals("it-leaver is removed from the team and can no longer sign in.",
                ConsoleClient.page(admin.open(removed.headers().firstValue("Location").orElseThrow())).selectFirst(".console-messages .info").text());
        var team = ConsoleClient.page(admin.open("console/team/index.xhtml"));
        assertEquals("Removed", team.selectFirst("tr#member-it-leaver td:nth-child(4)").text());

        assertEquals(302, member.get("console/inbox/index.xhtml").statusCode(), "the open session has ended");
        var refused = member.signIn("it-leaver", TeamFixture.PASSWORD);
        assertEquals(200, refused.statusCode());
        assertEquals(REFUSED, error(refused), "the right password no longer opens the console");
        assertEquals(302, member.get("console/inbox/index.xhtml").statusCode());

        assertEquals(302, onMemberPage(admin, "it-leaver", "access", Map.of("access:takeBack", "Take back")).statusCode());
        assertEquals(302, member.signIn("it-leaver", TeamFixture.PASSWORD).statusCode());
        assertEquals(200, member.get("console/inbox/index.xhtml").statusCode());
        assertEquals(404, admin.get("console/team/member.xhtml?username=nobody-of-that-name").statusCode());
    }

    @Test
    @RunAsClient
    void theLastAdminCannotRemoveOrDemoteThemselves() throws Exception {
        var admin = signedIn("it-last-admin", "ADMIN");
        var otherAdmins = ConsoleClient.rows(admin.open("console/team/index.xhtml"), "tr[id^=member-]").stream()
                .filter(cells -> cells.get(2).equals("Admin") && cells.get(3).equals("Can sign in"))
                .map(List::getFirst)
                .filter(username -> !username.equals("it-last-admin"))
                .toList();
        for (var other : otherAdmins) {
            assertEquals(302, onMemberPage(admin, other, "access", Map.of("access:remove", "Remove")).statusCode(), other);
        }

        var demote = onMemberPage(admin, "it-last-admin", "roleChange", Map.of("roleChange:role", "MODERATOR", "roleChange:go", "Change the role"));
        assertEquals(200, demote.statusCode());
        assertTrue(error(demote).startsWith("it-last-admin is the last admin of the team"), error(demote));
        var remove = onMemberPage(admin, "it-last-admin", "access", Map.of("access:remove", "Remove"));
        assertEquals(200, remove.statusCode());
        assertTrue(error(remove).startsWith("it-last-admin is the last admin of the team"), error(remove));
        assertEquals(200, admin.get("console/team/index.xhtml").statusCode(), "still an admin, still signed in");
        assertTrue(ConsoleClient.page(memberPage(admin, "it-last-admin")).selectFirst("#member-state").text().startsWith("Admin"));

        var deputy = new ConsoleClient(base);
        deputy.ensureMember("it-deputy-admin", "ADMIN");
        assertEquals(302, onMemberPage(admin, "it-last-admin", "roleChange", Map.of("roleChange:role", "MODERATOR", "roleChange:go", "Change")).statusCode(),
                "with another admin, stepping down is allowed");
        assertEquals(302, admin.get("console/team/index.xhtml").statusCode(), "and ends the session that had the admin role");
    }

    @Test
    @RunAsClient
    void theTeamModerationAndDashboardPagesAreValidHtml() throws Exception {
        var admin = signedIn("it-html-admin", "ADMIN");
        var validator = new nu.validator.client.EmbeddedValidator();
        validator.setOutputFormat(nu.validator.client.EmbeddedValidator.OutputFormat.GNU);
        var failures = new java.util.ArrayList<String>();
        for (var path : List.of("console/team/index.xhtml", "console/team/member.xhtml?username=it-html-admin", "reset-password.xhtml?token=none",
                "console/moderation/index.xhtml", "console/moderation/index.xhtml?filter=all&page=2", "console/dashboard/index.xhtml",
                "console/bans/index.xhtml", "console/bans/new.xhtml?comment=" + pendingComments("console-it-html-" + UUID.randomUUID(), 1).getFirst())) {
            var response = admin.get(path);
            assertEquals(200, response.statusCode(), path);
            var report = validator.validate(new java.io.ByteArrayInputStream(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            report.lines().filter(line -> line.contains(": error:") || line.contains(": fatal")).forEach(line -> failures.add(path + " " + line));
        }
        assertEquals(List.of(), failures);
    }

    private CommentThread newThread() {
        var key = "console-it-" + UUID.randomUUID();
        return threads.register(key, "Thread " + key, "https://example.org/" + key);
    }

    private Comment guest(CommentThread thread, Long parentId, String name, String email, String body) {
        return guest(thread, parentId, name, email, body, UUID.randomUUID().toString(), Set.of());
    }

    /** A comment from this client (its address's fingerprint) that proves to have written the comments {@code ownIds}. */
    private Comment guest(CommentThread thread, Long parentId, String name, String email, String body, String client, Set<Long> ownIds) {
        var commenter = new Commenter(client, ownIds, Instant.now().minusSeconds(60), null, null);
        return posting.post(thread, new NewComment(thread.getKey(), parentId, name, email, null, body), commenter);
    }

    @Test
    void theHostPackageShowsTheQueueTheInboxBansAndTheExportAsRecordsOfTheWidgetsComments() {
        var thread = newThread();
        var email = "ada-" + UUID.randomUUID() + "@example.org";
        var question = guest(thread, null, "Ada", email, "Is there a *dark* theme?");

        var pending = moderation.queue(Moderation.Filter.PENDING, thread.getKey(), 0, 50);
        assertEquals(List.of(new ThreadSummary(thread.getKey(), thread.getTitle(), thread.getUrl())), pending.stream().map(Moderation.QueueGroup::thread).toList());
        var item = pending.getFirst().items().getFirst();
        assertEquals(List.of(question.getId(), "Ada", true, "Is there a *dark* theme?", CommentStatus.PENDING), List.of(item.comment().id(),
                item.comment().authorName(), item.comment().withEmail(), item.comment().markdown(), item.comment().status()));
        assertTrue(item.comment().html().contains("<em>dark</em>"), item.comment().html());
        assertTrue(item.firstTime());
        assertEquals(Optional.of(item.comment()), moderation.comment(question.getId()));

        moderation.decide(List.of(question.getId()), ModerationAction.APPROVE, "welcome", "Rosa");
        var history = moderation.queue(Moderation.Filter.ALL, thread.getKey(), 0, 50).getFirst().items().getFirst().history();
        assertEquals(List.of("APPROVE welcome Rosa"), history.stream().map(d -> d.action() + " " + d.reason() + " " + d.moderator()).toList());

        var waiting = teamInbox.unanswered(thread.getKey(), true, 0, 50);
        assertEquals(List.of(question.getId()), waiting.stream().map(i -> i.comment().id()).toList());
        assertEquals(thread.getKey(), waiting.getFirst().thread().key());
        assertEquals(1, teamInbox.countFirstTimers(thread.getKey()));
        assertThrows(IllegalStateException.class, () -> teamInbox.reply(question.getId(), "Yes!"), "nobody of the team is signed in here");
        assertEquals(1, teamInbox.count(thread.getKey()), "and nothing was posted");

        var exported = new ArrayList<ExportedComment>();
        export.comments(thread.getKey(), exported::add);
        assertEquals(List.of(email), exported.stream().map(ExportedComment::email).toList(), "an export is for the site's owner");
        assertEquals(CommentStatus.APPROVED, exported.getFirst().status());

        moderation.ban(question.getId(), BanScope.EMAIL, null, "rude", "Rosa");
        var ban = moderation.activeBans(1000).stream().filter(b -> "rude".equals(b.reason()) && "Ada".equals(b.authorName())).findFirst().orElseThrow();
        assertEquals(BanScope.EMAIL, ban.scope());
        assertNull(ban.expiresAt());
        moderation.lift(ban.id(), "Sam");
        assertTrue(moderation.endedBans(1000).stream().anyMatch(b -> b.id() == ban.id() && "Sam".equals(b.liftedBy())));
    }

    @Test
    void moderationDecisionsChangeWhatReadersSeeAndKeepTheirReasons() {
        var thread = newThread();
        var email = UUID.randomUUID() + "@example.org";
        var first = guest(thread, null, "Newcomer", email, "My very first comment here.");
        assertEquals(CommentStatus.PENDING, first.getStatus(), "first-time moderation holds a newcomer");

        var group = queue.list(Moderation.Filter.PENDING, 1000).stream()
                .filter(g -> g.thread().getKey().equals(thread.getKey())).findFirst().orElseThrow();
        assertEquals(first.getId(), group.items().getFirst().comment().getId());
        assertTrue(group.items().getFirst().firstTime(), "flagged as a first comment");

        queue.decide(List.of(first.getId()), ModerationAction.APPROVE, "welcome", "Rosa");
        assertEquals(1, comments.page(thread.getKey(), 0, CommentService.Sort.OLDEST, Set.of()).comments().size(), "readers see it");
        var trusted = guest(thread, first.getId(), "Newcomer", email, "And a reply to myself.", UUID.randomUUID().toString(), Set.of(first.getId()));
        assertEquals(CommentStatus.APPROVED, trusted.getStatus(), "an approved commenter is trusted (their browser proves it)");
        assertTrue(queue.trusted(1000).stream().anyMatch(t -> t.emailHash().equals(first.getEmailHash()) && !t.confirmed()));
        var newest = queue.trusted(1).getFirst();
        assertEquals(first.getEmailHash(), newest.emailHash(), "the commenter of the newest approved comment comes first");
        assertEquals(2, newest.approvedComments());
        assertEquals(trusted.getCreatedAt(), newest.lastCommentAt());

        queue.revokeTrust(first.getEmailHash(), "Rosa");
        assertTrue(queue.trusted(1000).stream().noneMatch(t -> t.emailHash().equals(first.getEmailHash())));
        var held = guest(thread, null, "Newcomer", email, "Held again after revocation.", UUID.randomUUID().toString(), Set.of(first.getId()));
        assertEquals(CommentStatus.PENDING, held.getStatus());
        var heldWithoutAddress = guest(thread, null, "Newcomer", null, "And without my address.", UUID.randomUUID().toString(), Set.of(first.getId()));
        assertEquals(CommentStatus.PENDING, heldWithoutAddress.getStatus(), "revoked trust is not regained by the browser's proof alone");

        var spammer = guest(thread, null, "Spammer", "spam-" + UUID.randomUUID() + "@example.org", "Buy things now please.");
        var other = guest(thread, null, "Other", null, "Another pending one here.");
        queue.decide(List.of(spammer.getId(), other.getId()), ModerationAction.SPAM, "advertising", "Rosa");
        var all = queue.list(Moderation.Filter.SPAM, 1000).stream().filter(g -> g.thread().getKey().equals(thread.getKey()))
                .findFirst().orElseThrow();
        assertEquals(2, all.items().size());
        assertEquals("advertising", all.items().getFirst().history().getFirst().getReason());

        queue.decide(List.of(held.getId(), heldWithoutAddress.getId()), ModerationAction.BAN, "abuse", "Rosa");
        var banned = assertThrows(InvalidCommentException.class, () -> guest(thread, null, "Newcomer", email, "Trying again after the ban."));
        assertNotNull(banned.getMessage());
        assertEquals(1, comments.page(thread.getKey(), 0, CommentService.Sort.OLDEST, Set.of()).comments().size(),
                "spam and banned comments stay hidden from readers");
    }

    @Test
    void aBanRefusesWhatItCoversUntilItExpiresOrIsLifted() throws Exception {
        var thread = newThread();
        var email = "eve-" + UUID.randomUUID() + "@example.org";
        var address = "eve's address " + UUID.randomUUID();
        var rude = guest(thread, null, "Eve", email, "Something rude.", address, Set.of());

        var addressBan = queue.ban(rude.getId(), BanScope.ADDRESS, Instant.now().plus(Duration.ofDays(7)), "rude", "Rosa");
        assertEquals(CommentStatus.SPAM, comments.find(rude.getId()).orElseThrow().getStatus());
        assertEquals("banned", assertThrows(InvalidCommentException.class,
                () -> guest(thread, null, "Housemate", null, "Hello from the same network.", address, Set.of())).getReason(),
                "everyone behind a banned address is refused while the ban lasts");
        assertEquals(CommentStatus.PENDING, guest(thread, null, "Eve", email, "From another network.").getStatus(),
                "an address ban does not follow the e-mail address elsewhere");
        assertTrue(queue.activeBans(1000).contains(addressBan));

        try (var connection = database.getConnection();
             var expire = connection.prepareStatement("update hc_ban set expires_at = ? where id = ?")) {
            expire.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(2))));
            expire.setLong(2, addressBan.getId());
            assertEquals(1, expire.executeUpdate());
        }
        assertEquals(CommentStatus.PENDING, guest(thread, null, "Housemate", null, "The ban has expired.", address, Set.of()).getStatus(),
                "an expired address ban refuses nothing");
        assertFalse(queue.activeBans(1000).contains(addressBan));
        assertTrue(queue.endedBans(1000).contains(addressBan), "it is listed among the ended bans");

        var emailBan = queue.ban(rude.getId(), BanScope.EMAIL, null, "", "Rosa");
        assertNull(emailBan.getExpiresAt(), "an e-mail ban lasts until lifted unless chosen otherwise");
        assertEquals("banned", assertThrows(InvalidCommentException.class,
                () -> guest(thread, null, "Eve", email.toUpperCase(), "From yet another network.")).getReason());
        assertEquals(CommentStatus.PENDING, guest(thread, null, "Housemate", null, "Only her address is banned.", address, Set.of()).getStatus());
        queue.lift(emailBan.getId(), "Sam");
        assertEquals(CommentStatus.PENDING, guest(thread, null, "Eve", email, "Back, and polite.").getStatus(), "a lifted ban refuses nothing");
        assertTrue(queue.endedBans(1000).stream().anyMatch(b -> b.equals(emailBan) && "Sam".equals(b.getLiftedBy())));
    }

    @Test
    @RunAsClient
    void aBanAsksWhatToBanAndForAConfirmationThenListsItUntilUnbanned() throws Exception {
        var name = "Mallory " + UUID.randomUUID().toString().substring(0, 8);
        var email = "mallory-" + UUID.randomUUID() + "@example.org";
        var thread = "console-it-ban-" + UUID.randomUUID();
        var response = new ConsoleClient(base).post("it/comments", Map.of("thread", thread, "count", "1", "name", name, "email", email), null);
        assertEquals(200, response.statusCode(), response.body());
        var id = Long.parseLong(response.body().strip());
        var moderator = signedIn("it-banner", "MODERATOR");

        var queuePage = ConsoleClient.page(moderator.get("console/moderation/index.xhtml?post=" + thread));
        var banLink = queuePage.selectFirst("#queued-" + id + " a.button");
        assertEquals("Ban…", banLink.text(), "banning starts from the comment, and asks before it bans");
        var oldButton = moderator.submit(queuePage, "queue", Map.of("decision", "BAN:" + id));
        assertEquals(302, oldButton.statusCode());
        assertTrue(oldButton.headers().firstValue("Location").orElseThrow().endsWith("/console/bans/new.xhtml?comment=" + id),
                "a Ban button of a page shown before this change asks first too");
        var form = moderator.get(banLink.attr("abs:href"));
        assertEquals(200, form.statusCode());
        assertFalse(form.body().contains(email), "the e-mail address is never shown");
        var page = ConsoleClient.page(form);
        assertEquals("The comment of " + name, page.selectFirst("#banned-comment-title").text());
        assertEquals("Comment number 0 of many.", page.selectFirst("#banned-comment").text());
        assertEquals("BOTH", page.selectFirst("input[name=ban:scope][checked]").val());

        var review = moderator.submit(page, "ban", Map.of("ban:scope", "ADDRESS", "ban:reason", "Threats", "ban:expiry", "standard",
                "decision", "REVIEW:" + id));
        assertEquals(200, review.statusCode());
        var summary = ConsoleClient.page(review);
        assertTrue(summary.selectFirst("#ban-summary").text().startsWith("Ban the network address of " + name + " until "),
                summary.selectFirst("#ban-summary").text());
        assertNull(ConsoleClient.page(bans(moderator)).selectFirst("tr:contains(" + name + ")"), "nothing is banned before the confirmation");

        var changing = ConsoleClient.page(moderator.submit(summary, "confirm", Map.of("decision", "CHANGE:" + id)));
        assertEquals("ADDRESS", changing.selectFirst("input[name=ban:scope][checked]").val(), "the choices are kept");
        assertEquals("Threats", changing.selectFirst("input[name=ban:reason]").val());
        var both = ConsoleClient.page(moderator.submit(changing, "ban", Map.of("ban:scope", "BOTH", "ban:reason", "Threats",
                "ban:expiry", "standard", "decision", "REVIEW:" + id)));
        assertTrue(both.selectFirst("#ban-summary").text().startsWith("Ban the e-mail address and the network address of " + name + " until "));

        var banned = moderator.submit(both, "confirm", Map.of("decision", "BAN:" + id));
        assertEquals(302, banned.statusCode());
        var list = ConsoleClient.page(moderator.open(banned.headers().firstValue("Location").orElseThrow()));
        assertEquals("The comment of " + name + " is marked as spam and the ban is in force.", list.selectFirst(".console-messages .info").text());
        assertFalse(list.outerHtml().contains(email), "the list never shows the e-mail address");
        var row = list.selectFirst("#bans-table tr:contains(" + name + ")");
        assertNotNull(row);
        var cells = row.children().eachText();
        assertEquals(List.of(name + " Comment number 0 of many.", "E-mail and network address", "Threats", "IT it-banner"), cells.subList(0, 4));
        var expires = Instant.parse(row.child(5).selectFirst("time").attr("datetime"));
        var since = Instant.parse(row.child(4).selectFirst("time").attr("datetime"));
        var length = Duration.between(since, expires);
        assertTrue(length.compareTo(Duration.ofDays(7).minusMinutes(1)) > 0 && length.compareTo(Duration.ofDays(7).plusMinutes(1)) < 0,
                "a ban that covers the network address expires after 7 days by default: " + length);
        assertNotNull(ConsoleClient.page(moderator.get("console/moderation/index.xhtml?filter=spam&post=" + thread)).selectFirst("#queued-" + id),
                "the comment is marked as spam");

        var banId = row.id().substring("ban-".length());
        assertEquals(403, moderator.post("console/bans/index.xhtml", Map.of("decision", "UNBAN:" + banId), "https://evil.example").statusCode(),
                "no unban from another site");
        var lifted = moderator.submit(list, "bans", Map.of("decision", "UNBAN:" + banId));
        assertEquals(302, lifted.statusCode());
        var after = ConsoleClient.page(moderator.open(lifted.headers().firstValue("Location").orElseThrow()));
        assertNull(after.selectFirst("#bans-table tr:contains(" + name + ")"), "no longer in force");
        assertTrue(after.selectFirst("#ended-bans tr:contains(" + name + ")").text().contains("Lifted by IT it-banner"));
    }

    /** The list of bans (a response: test methods name no jsoup type, which the server does not have). */
    private static HttpResponse<String> bans(ConsoleClient moderator) throws Exception {
        var response = moderator.get("console/bans/index.xhtml");
        assertEquals(200, response.statusCode());
        return response;
    }

    @Test
    void theQueueComesInPagesOfTheOldestCommentsGroupedByPost() throws Exception {
        var a = newThread();
        var b = newThread();
        var posted = new java.util.ArrayList<Comment>();
        for (var thread : List.of(a, b, a, b, a)) {
            posted.add(guest(thread, null, "Early bird", null, "Queued comment " + posted.size() + " " + UUID.randomUUID()));
        }
        var longAgo = Instant.parse("1999-01-01T00:00:00Z");
        for (int i = 0; i < posted.size(); i++) {
            backdate(posted.get(i).getId(), longAgo.plusSeconds(i)); // the oldest of the whole queue
        }
        try {
            var first = queue.list(Moderation.Filter.PENDING, null, 0, 3);
            assertEquals(List.of(a.getKey(), b.getKey()), first.stream().map(g -> g.thread().getKey()).toList(), "groups in the order of their oldest comment");
            assertEquals(List.of(posted.get(0).getId(), posted.get(2).getId()), ids(first.get(0)));
            assertEquals(List.of(posted.get(1).getId()), ids(first.get(1)));

            var second = queue.list(Moderation.Filter.PENDING, null, 3, 3);
            assertEquals(List.of(posted.get(3).getId()), ids(second.get(0)), "the next page goes on where the first stopped");
            assertEquals(b.getKey(), second.get(0).thread().getKey());
            assertEquals(posted.get(4).getId(), ids(second.get(1)).getFirst());

            assertEquals(3, queue.count(Moderation.Filter.PENDING, a.getKey()));
            var narrowed = queue.list(Moderation.Filter.PENDING, a.getKey(), 2, 2);
            assertEquals(1, narrowed.size());
            assertEquals(List.of(posted.get(4).getId()), ids(narrowed.getFirst()));
            assertTrue(queue.count(Moderation.Filter.PENDING, null) >= posted.size());
        } finally {
            queue.decide(posted.stream().map(Comment::getId).toList(), ModerationAction.DELETE, "test over", "Rosa");
        }
    }

    private static List<Long> ids(ModerationQueue.Group group) {
        return group.items().stream().map(item -> item.comment().getId()).toList();
    }

    @Test
    @RunAsClient
    void theModerationPageShowsFiftyAtATimeWithACountAndLinksBetweenPages() throws Exception {
        var thread = "console-it-pages-" + UUID.randomUUID();
        var ids = pendingComments(thread, 55).stream().map(id -> "queued-" + id).toList();
        var admin = signedIn("it-moderator", "MODERATOR");

        var first = admin.get("console/moderation/index.xhtml?post=" + thread);
        assertEquals(200, first.statusCode());
        var page = ConsoleClient.page(first);
        assertEquals("55 comments, oldest first · page 1 of 2 · Show all posts", page.selectFirst("#queue-count").text());
        assertEquals(ids.subList(0, 50), page.select("li.queue-item").eachAttr("id"), "the 50 oldest, oldest first");
        assertEquals(1, page.select("section.queue-group").size(), "one post, one group");
        assertNull(page.selectFirst("#queue-pages a[rel=prev]"));
        var next = page.selectFirst("#queue-pages a[rel=next]");
        assertEquals("Next page (newer comments) →", next.text());

        var second = ConsoleClient.page(admin.get(next.attr("abs:href")));
        assertEquals("55 comments, oldest first · page 2 of 2 · Show all posts", second.selectFirst("#queue-count").text());
        assertEquals(ids.subList(50, 55), second.select("li.queue-item").eachAttr("id"));
        assertNull(second.selectFirst("#queue-pages a[rel=next]"));
        assertEquals(ids.subList(0, 50), ConsoleClient.page(admin.get(second.selectFirst("#queue-pages a[rel=prev]").attr("abs:href")))
                .select("li.queue-item").eachAttr("id"));

        var approved = admin.submit(second, "queue", Map.of("decision", "APPROVE:" + ids.get(52).substring("queued-".length())));
        assertEquals(302, approved.statusCode());
        var back = approved.headers().firstValue("Location").orElseThrow();
        assertTrue(back.contains("post=" + thread) && back.contains("page=2"), "a decision keeps the page: " + back);
        var after = ConsoleClient.page(admin.open(back));
        assertEquals("The comment is approved.", after.selectFirst(".console-messages .info").text());
        assertEquals(List.of(ids.get(50), ids.get(51), ids.get(53), ids.get(54)), after.select("li.queue-item").eachAttr("id"));

        var beyond = ConsoleClient.page(admin.get("console/moderation/index.xhtml?post=" + thread + "&page=9"));
        assertEquals("54 comments, oldest first · page 2 of 2 · Show all posts", beyond.selectFirst("#queue-count").text(), "a page beyond the end shows the last");

        var all = ConsoleClient.page(admin.get("console/moderation/index.xhtml"));
        assertTrue(all.selectFirst("#queue-count").text().matches("\\d+ comments, oldest first · page 1 of \\d+"), all.selectFirst("#queue-count").text());
        assertEquals(50, all.select("li.queue-item").size());
        assertNotNull(all.selectFirst("#queue-pages a[rel=next]"));
    }

    @Test
    void theInboxHoldsUnansweredReaderCommentsOldestFirstUntilAnsweredOrDismissed() {
        var thread = newThread();
        var older = guest(thread, null, "Ada", "ada-" + UUID.randomUUID() + "@example.org", "Is there a dark theme?");
        var newer = guest(thread, null, "Ben", "ben-" + UUID.randomUUID() + "@example.org", "Thanks for the post!");
        queue.decide(List.of(older.getId(), newer.getId()), ModerationAction.APPROVE, "", "Rosa");

        var ids = inboxIds(thread);
        assertEquals(List.of(older.getId(), newer.getId()), ids);
        assertTrue(inbox.unanswered(thread.getKey(), 0, 100).stream().filter(i -> i.comment().getId().equals(older.getId())).findFirst().orElseThrow().firstTime());

        var reply = inbox.reply(older.getId(), new TeamMember("Rosa", Badge.TEAM), "Yes: it follows your system setting.");
        assertEquals(Badge.TEAM, reply.getBadge());
        assertEquals(CommentStatus.APPROVED, reply.getStatus());
        assertEquals(List.of(newer.getId()), inboxIds(thread), "answered comments leave the inbox");

        inbox.dismiss(newer.getId(), "Rosa");
        assertEquals(List.of(), inboxIds(thread), "dismissed comments leave the inbox");
        assertFalse(inbox.unanswered(null, 0, 10_000).stream().anyMatch(i -> i.comment().getId().equals(reply.getId())), "team replies are never in it");
    }

    private List<Long> inboxIds(CommentThread thread) {
        assertEquals(inbox.count(thread.getKey()), inbox.unanswered(thread.getKey(), 0, 100).size());
        return inbox.unanswered(thread.getKey(), 0, 100).stream().map(i -> i.comment().getId()).toList();
    }

    @Test
    void dashboardFiguresOnSeededDataHaveTheKnownAnswers() throws Exception {
        var thread = newThread();
        var monday = Instant.parse("2020-01-06T09:00:00Z");
        long[] waits = {90, 10, 30};
        for (int i = 0; i < waits.length; i++) {
            var asked = approvedGuest(thread, "Reader " + i);
            var reply = inbox.reply(asked.getId(), new TeamMember("Rosa", Badge.TEAM), "Thanks, reader " + i + "!");
            backdate(asked.getId(), monday.plus(Duration.ofHours(i)));
            backdate(reply.getId(), monday.plus(Duration.ofHours(i)).plus(Duration.ofMinutes(waits[i])));
        }
        backdate(approvedGuest(thread, "Unanswered").getId(), monday.plus(Duration.ofDays(1)));

        var weeks = figures.timeToFirstTeamReply(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 1, 12));
        assertEquals(1, weeks.size());
        assertEquals(3, weeks.getFirst().answered());
        assertEquals(Duration.ofMinutes(30), weeks.getFirst().median());
        assertEquals(Duration.ofMinutes(90), weeks.getFirst().p90());
        assertEquals(75, figures.answered(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 1, 12)).percent());
        assertEquals(List.of(new CommunityFigures.Day(LocalDate.of(2020, 1, 6), 6), new CommunityFigures.Day(LocalDate.of(2020, 1, 7), 1)),
                figures.commentsPerDay(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 1, 7)));
        var discussed = figures.mostDiscussed(LocalDate.of(2020, 1, 6), LocalDate.of(2020, 1, 12), 5);
        assertEquals(thread.getKey(), discussed.getFirst().key());
        assertEquals(7, discussed.getFirst().comments());
        var firstWeek = new CommunityFigures.WeekCount(LocalDate.of(2019, 12, 30), 0);
        assertEquals(List.of(firstWeek, new CommunityFigures.WeekCount(LocalDate.of(2020, 1, 6), 7)),
                figures.commentsPerWeek(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 12)), "from the Monday of the first day's week, empty weeks too");
        assertEquals(List.of(firstWeek, new CommunityFigures.WeekCount(LocalDate.of(2020, 1, 6), 4)),
                figures.firstTimersPerWeek(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 12)), "four readers, the team's replies not counted");
        var email = UUID.randomUUID() + "@example.org";
        backdate(guest(thread, null, "Returning", email, "A first comment, waiting for moderation.").getId(), monday.plus(Duration.ofDays(7)));
        backdate(guest(thread, null, "Returning", email, "Me again, from another browser.").getId(), monday.plus(Duration.ofDays(8)));
        assertEquals(List.of(new CommunityFigures.WeekCount(LocalDate.of(2020, 1, 13), 2)),
                figures.commentsPerWeek(LocalDate.of(2020, 1, 13), LocalDate.of(2020, 1, 19)));
        assertEquals(List.of(new CommunityFigures.WeekCount(LocalDate.of(2020, 1, 13), 1)),
                figures.firstTimersPerWeek(LocalDate.of(2020, 1, 13), LocalDate.of(2020, 1, 19)), "one first-timer who came back");
    }

    @Test
    void returningCommentersAndFirstTimersLookBeforeAndAfterThePeriod() throws Exception {
        var thread = newThread();
        var day = LocalDate.of(2022, 5, 2); // a Monday
        var ids = new ArrayList<Long>();
        // writer, e-mail (null: known by client), day of May 2022, status
        record Seed(String writer, boolean email, int dayOfMonth, ModerationAction decision) {
        }
        var seeds = List.of(
                new Seed("a", true, 3, ModerationAction.APPROVE),       // once: a first-timer, not returning
                new Seed("b", true, 3, ModerationAction.APPROVE),       // two days in the period: returning
                new Seed("b", true, 5, ModerationAction.APPROVE),
                new Seed("c", true, 4, ModerationAction.APPROVE),       // came before the period: returning, not a first-timer
                new Seed("c", true, -20, ModerationAction.APPROVE),
                new Seed("d", false, 6, ModerationAction.APPROVE),      // came back after it: new in it, not returning
                new Seed("d", false, 30, ModerationAction.APPROVE),
                new Seed("e", false, 7, ModerationAction.APPROVE),      // twice on one day: not returning
                new Seed("e", false, 7, ModerationAction.APPROVE),
                new Seed("f", true, 4, ModerationAction.APPROVE),       // an earlier comment marked spam counts for nothing
                new Seed("f", true, -1, ModerationAction.SPAM),
                new Seed("g", true, -3, null),                          // an earlier comment waiting: not a first-timer, not returning
                new Seed("g", true, 5, ModerationAction.APPROVE),
                new Seed("h", false, 3, ModerationAction.APPROVE),      // the same client wrote before, with an address: returning
                new Seed("h", true, -10, ModerationAction.APPROVE),
                new Seed("i", true, 8, null));                          // waiting: a first-timer, not in the returning figures
        var tag = UUID.randomUUID().toString();
        for (var seed : seeds) {
            var comment = guest(thread, null, "Reader " + seed.writer(), seed.email() ? seed.writer() + "-" + tag + "@example.org" : null,
                    "Comment " + ids.size() + " by " + seed.writer() + ".", seed.writer() + "-" + tag, Set.of());
            if (seed.decision() != null) {
                queue.decide(List.of(comment.getId()), seed.decision(), "", "Rosa");
            }
            var at = seed.dayOfMonth() > 0 ? day.withDayOfMonth(seed.dayOfMonth()) : day.minusDays(1 - seed.dayOfMonth());
            backdate(comment.getId(), at.atTime(12, ids.size()).toInstant(ZoneOffset.UTC));
            ids.add(comment.getId());
        }
        var reply = inbox.reply(ids.getFirst(), new TeamMember("Rosa", Badge.TEAM), "Welcome, a!");
        backdate(reply.getId(), day.withDayOfMonth(4).atTime(9, 0).toInstant(ZoneOffset.UTC));

        assertEquals(new CommunityFigures.Returning(3, 8), figures.returning(day, day.plusDays(6)), "b, c and h of a to h");
        assertEquals(List.of(new CommunityFigures.WeekCount(day.minusWeeks(1), 1), new CommunityFigures.WeekCount(day, 6)),
                figures.firstTimersPerWeek(day.minusDays(4), day.plusDays(6)), "g the week before; a, b, d, e, f and i");
        assertEquals(List.of(new CommunityFigures.WeekCount(day.minusWeeks(1), 1), new CommunityFigures.WeekCount(day, 12)),
                figures.commentsPerWeek(day.minusDays(4), day.plusDays(6)), "g's waiting comment the week before; not the spam");
        assertEquals(new CommunityFigures.Day(day.withDayOfMonth(4), 3), figures.commentsPerDay(day, day.plusDays(6)).get(2), "c, f and the team's reply");
        assertEquals(11, figures.mostDiscussed(day, day.plusDays(6), 1).getFirst().comments(), "approved ones, the reply too");
        assertEquals(new CommunityFigures.Answered(1, 10), figures.answered(day, day.plusDays(6)));
        assertEquals(List.of(new CommunityFigures.Week(day, 1, Duration.ofMinutes(21 * 60), Duration.ofMinutes(21 * 60))),
                figures.timeToFirstTeamReply(day, day.plusDays(6)), "a's comment at noon on May 3, the reply at 9 the next day");
    }

    @Test
    void shareCountsPerNetworkAndTheMostSharedPostsHaveTheKnownAnswers() throws Exception {
        var before = shareFigures.totals();
        var thisWeek = shareFigures.perWeek(LocalDate.now(), LocalDate.now()).getFirst().tally();
        var widelyShared = newThread();
        var runnerUp = newThread();
        seedShares(widelyShared, Map.of("X", 2_000_000L, "BLUESKY", 1_000_000L));
        seedShares(runnerUp, Map.of("EMAIL", 2_500_000L));
        assertTrue(shares.count(runnerUp, ShareNetwork.FACEBOOK, "a reader " + UUID.randomUUID(), LocalDate.now()), "counted the usual way too");

        var after = shareFigures.totals();
        assertEquals(1, shareFigures.perWeek(LocalDate.now(), LocalDate.now()).getFirst().tally().of(ShareNetwork.FACEBOOK)
                - thisWeek.of(ShareNetwork.FACEBOOK), "dated in this week's figures");
        assertEquals(2_000_000, after.of(ShareNetwork.X) - before.of(ShareNetwork.X));
        assertEquals(1_000_000, after.of(ShareNetwork.BLUESKY) - before.of(ShareNetwork.BLUESKY));
        assertEquals(2_500_000, after.of(ShareNetwork.EMAIL) - before.of(ShareNetwork.EMAIL));
        assertEquals(1, after.of(ShareNetwork.FACEBOOK) - before.of(ShareNetwork.FACEBOOK));
        assertEquals(before.of(ShareNetwork.LINKEDIN), after.of(ShareNetwork.LINKEDIN));
        assertEquals(5_500_001, after.total() - before.total());

        var top = shareFigures.mostShared(2);
        assertEquals(List.of(widelyShared.getKey(), runnerUp.getKey()), top.stream().map(s -> s.thread().key()).toList());
        assertEquals(3_000_000, top.getFirst().tally().total());
        assertEquals(2_000_000, top.getFirst().tally().of(ShareNetwork.X));
        assertEquals(2_500_001, top.get(1).tally().total());
        assertEquals(1, top.get(1).tally().of(ShareNetwork.FACEBOOK));
    }

    @Test
    void sharesPerWeekCountEveryNetworkInItsWeekFromTheDatedShares() throws Exception {
        var thread = newThread();
        var today = LocalDate.now(java.time.ZoneOffset.UTC);
        var monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        var before = shareFigures.perWeek(monday.minusWeeks(2), today);
        try (var connection = database.getConnection();
             var insert = connection.prepareStatement("insert into hc_share_visit (thread_id, network, client_hash, share_day) values (?, ?, ?, ?)")) {
            for (var visit : List.of("X:0", "X:0", "X:14", "BLUESKY:0", "MASTODON:7", "LINKEDIN:1", "EMAIL:15")) {
                insert.setLong(1, thread.getId());
                insert.setString(2, visit.substring(0, visit.indexOf(':')));
                insert.setString(3, UUID.randomUUID().toString());
                insert.setDate(4, java.sql.Date.valueOf(monday.minusDays(Long.parseLong(visit.substring(visit.indexOf(':') + 1)))));
                insert.executeUpdate();
            }
        }
        var after = shareFigures.perWeek(monday.minusWeeks(2), today);
        assertEquals(List.of(monday.minusWeeks(2), monday.minusWeeks(1), monday), after.stream().map(ShareFigures.ShareWeek::monday).toList());
        var added = new java.util.ArrayList<Map<ShareNetwork, Long>>();
        for (int week = 0; week < 3; week++) {
            var map = new java.util.EnumMap<ShareNetwork, Long>(ShareNetwork.class);
            for (var network : ShareNetwork.values()) {
                map.put(network, after.get(week).tally().of(network) - before.get(week).tally().of(network));
            }
            added.add(map);
        }
        assertEquals(1, added.get(0).get(ShareNetwork.X), "14 days before this Monday");
        assertEquals(1, added.get(1).get(ShareNetwork.MASTODON), "last Monday");
        assertEquals(1, added.get(1).get(ShareNetwork.LINKEDIN), "last Sunday");
        assertEquals(2, added.get(2).get(ShareNetwork.X), "two readers this Monday");
        assertEquals(1, added.get(2).get(ShareNetwork.BLUESKY));
        assertEquals(6, added.stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).sum(),
                "nothing else: the share of the Sunday before the first week is not counted");
    }

    private void seedShares(CommentThread thread, Map<String, Long> perNetwork) throws Exception {
        try (var connection = database.getConnection();
             var insert = connection.prepareStatement("insert into hc_share_count (thread_id, network, shares) values (?, ?, ?)")) {
            for (var count : perNetwork.entrySet()) {
                insert.setLong(1, thread.getId());
                insert.setString(2, count.getKey());
                insert.setLong(3, count.getValue());
                insert.executeUpdate();
            }
        }
    }

    @Test
    @RunAsClient
    void theDashboardShowsSharesPerNetworkAndTheMostSharedPosts() throws Exception {
        var moderator = signedIn("it-moderator", "MODERATOR");
        var before = sharesShown(moderator);

        var thread = "console-it-shares-" + UUID.randomUUID();
        pendingComments(thread, 0); // registers the thread
        var http = java.net.http.HttpClient.newHttpClient();
        for (var share : List.of("x/1", "x/2", "x/3", "facebook/1", "facebook/2", "x/1")) {
            var network = share.substring(0, share.indexOf('/'));
            var response = http.send(java.net.http.HttpRequest.newBuilder(moderator.resolve("share/" + network + "?thread=" + thread))
                    .header("User-Agent", "Reader browser " + share).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(302, response.statusCode());
        }

        var after = sharesShown(moderator);
        assertEquals(3, after.get("x") - before.get("x"), "three readers shared to X (one of them twice: counted once)");
        assertEquals(2, after.get("facebook") - before.get("facebook"));
        assertEquals(before.get("linkedin"), after.get("linkedin"));
        assertEquals(5, after.get("total") - before.get("total"));
        var dashboard = ConsoleClient.page(moderator.get("console/dashboard/index.xhtml"));
        assertEquals("Shares", dashboard.selectFirst("#shares").text());
        var mostShared = dashboard.select("#most-shared > li");
        assertTrue(!mostShared.isEmpty() && mostShared.size() <= 5);
        assertTrue(mostShared.first().text().matches(".+ · [\\d,]+ shares \\(.+ [\\d,]+.*\\)"), mostShared.first().text());
    }

    @Test
    @RunAsClient
    void aDecisionOnSeveralCommentsLeavesTheOnesAnotherModeratorDecidedMeanwhileAndSaysSo() throws Exception {
        var thread = "console-it-race-" + UUID.randomUUID();
        var ids = pendingComments(thread, 2);
        var rosa = signedIn("it-moderator", "MODERATOR");
        var sam = signedIn("it-moderator-2", "MODERATOR");
        var shownToRosa = ConsoleClient.page(rosa.get("console/moderation/index.xhtml?post=" + thread));

        assertEquals(302, sam.submit("console/moderation/index.xhtml?post=" + thread, "queue", Map.of("decision", "APPROVE:" + ids.get(0))).statusCode());
        var spam = rosa.submit(shownToRosa, "queue", Map.of("decision", "SPAM:selected"), selected(ids.get(0), ids.get(1)));

        assertEquals(302, spam.statusCode(), "reported, not an error");
        var after = ConsoleClient.page(rosa.open(spam.headers().firstValue("Location").orElseThrow()));
        assertEquals(List.of("The comment is marked as spam.", "1 comment was decided by another moderator meanwhile and is left as it is."),
                after.select(".console-messages .info").eachText());
        var all = ConsoleClient.page(rosa.get("console/moderation/index.xhtml?filter=all&post=" + thread));
        assertTrue(all.selectFirst("#queued-" + ids.get(0)).hasClass("status-approved"), "Sam's approval stands");
        assertTrue(all.selectFirst("#queued-" + ids.get(1)).hasClass("status-spam"));
    }

    @Test
    @RunAsClient
    void deletingAsksFirstWithoutJavaScriptAndDeletesOnlyOnceConfirmed() throws Exception {
        var thread = "console-it-delete-" + UUID.randomUUID();
        var ids = pendingComments(thread, 3);
        var rosa = signedIn("it-moderator", "MODERATOR");
        var queuePage = "console/moderation/index.xhtml?post=" + thread;

        var asked = rosa.submit(ConsoleClient.page(rosa.get(queuePage)), "queue", Map.of("decision", "DELETE:selected", "reason", "duplicates"),
                selected(ids.get(0), ids.get(2)));
        assertEquals(200, asked.statusCode(), "a question, not a decision");
        var question = ConsoleClient.page(asked);
        assertEquals("Delete 2 comments?", question.selectFirst("#confirm-title").text());
        assertEquals("Delete 2 comments", question.selectFirst("#confirm-go").text());
        assertNotNull(question.selectFirst("#confirm-cancel[href]"));
        assertEquals(3, ConsoleClient.page(rosa.get(queuePage)).select("li.queue-item").size(), "nothing deleted yet");

        var confirmed = rosa.submit(question, "confirm", Map.of("decision", question.selectFirst("#confirm-go").val()));
        assertEquals(302, confirmed.statusCode());
        var after = ConsoleClient.page(rosa.open(confirmed.headers().firstValue("Location").orElseThrow()));
        assertEquals("2 comments are deleted.", after.selectFirst(".console-messages .info").text());
        assertEquals(List.of("queued-" + ids.get(1)), after.select("li.queue-item").eachAttr("id"));
        var all = ConsoleClient.page(rosa.get("console/moderation/index.xhtml?filter=all&post=" + thread));
        assertTrue(all.selectFirst("#queued-" + ids.get(0)).hasClass("status-deleted"));
        assertTrue(all.selectFirst("#queued-" + ids.get(0)).text().contains("duplicates"), "the reason typed before the question is kept");
    }

    @Test
    @RunAsClient
    void styleSheetsAndScriptsHaveAddressesThatChangeWithTheirContent() throws Exception {
        var rosa = signedIn("it-moderator", "MODERATOR");
        var page = ConsoleClient.page(rosa.get("console/moderation/index.xhtml"));
        var addresses = new java.util.ArrayList<>(page.select("link[rel=stylesheet]").eachAttr("href"));
        addresses.addAll(page.select("script[src*=hearth]").eachAttr("src"));
        assertEquals(3, addresses.size(), "site.css, console.css and moderation-keys.js: " + addresses);
        for (var address : addresses) {
            var revision = address.replaceAll(".*[?&]rev=([0-9a-f]+).*", "$1");
            assertEquals(12, revision.length(), address);
            var served = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(rosa.resolve(address)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, served.statusCode(), address);
            var sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(served.body()));
            assertEquals(sha256.substring(0, 12), revision, address + ": the start of the served bytes' SHA-256");
        }
    }

    @Test
    @RunAsClient
    void theDashboardsChartsRunFromRightToLeftInArabicAndItsWeeksAreDatesOfTheLanguage() throws Exception {
        var rosa = signedIn("it-moderator", "MODERATOR");
        var english = ConsoleClient.page(rosa.get("console/dashboard/index.xhtml", "Accept-Language", "en"));
        var arabic = ConsoleClient.page(rosa.get("console/dashboard/index.xhtml", "Accept-Language", "ar"));
        assertEquals("rtl", arabic.selectFirst("html").attr("dir"));
        for (var chart : List.of("#per-day-chart", "#comments-weekly-chart", "#first-timers-chart", "#reply-times-chart", "#shares-weekly-x")) {
            var width = Integer.parseInt(english.selectFirst(chart).attr("viewBox").split(" ")[2]);
            // eachAttr, not a lambda over jsoup's elements: the class is also loaded in the server, which has no jsoup.
            var ltr = english.select(chart + " rect.bar").eachAttr("x").stream().map(Integer::valueOf).toList();
            var rtl = arabic.select(chart + " rect.bar").eachAttr("x").stream().map(Integer::valueOf).toList();
            var barWidth = Integer.parseInt(english.selectFirst(chart + " rect.bar").attr("width"));
            assertTrue(ltr.size() > 1, chart);
            assertEquals(ltr.stream().sorted().toList(), ltr, chart + ": the first week on the left in English");
            assertEquals(ltr.stream().map(x -> width - x - barWidth).toList(), rtl, chart + ": the same bars mirrored in Arabic, the first week on the right");
        }
        var firstDay = arabic.selectFirst("#per-day-chart text");
        assertEquals(List.of("560", "end"), List.of(firstDay.attr("x"), firstDay.attr("text-anchor")), "the first day's label on the right in Arabic");
        var weeks = english.select("#comments-weekly-table time").eachAttr("datetime");
        assertEquals(weeks, arabic.select("#comments-weekly-table time").eachAttr("datetime"));
        var monday = java.time.LocalDate.parse(weeks.get(0));
        assertEquals(monday.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " " + monday.getDayOfMonth(),
                english.selectFirst("#comments-weekly-table time").text(), "a week is its Monday, as short as the language writes it");
        var arabicWeek = arabic.selectFirst("#reply-times-table time").text();
        assertTrue(arabicWeek.matches(".*\\p{IsArabic}.*") && !arabicWeek.contains("-"), "the month's name in Arabic: " + arabicWeek);
    }

    @Test
    @RunAsClient
    void everyConsolePageCountsWhatWaitsForTheTeamInItsSections() throws Exception {
        var rosa = signedIn("it-moderator", "MODERATOR");
        var before = navCounts(rosa.get("console/bans/index.xhtml"));
        var weeklyBefore = ConsoleClient.page(rosa.get("console/dashboard/index.xhtml"));
        var thread = "console-it-counts-" + UUID.randomUUID();
        pendingComments(thread, 2);
        var http = java.net.http.HttpClient.newHttpClient();
        var reader = UUID.randomUUID();
        for (var share : List.of("x/1", "x/2", "x/3", "facebook/1", "x/1")) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(rosa.resolve("share/" + share.substring(0, share.indexOf('/')) + "?thread=" + thread))
                    .header("User-Agent", "Reader " + reader + " " + share).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(302, response.statusCode());
        }
        var dashboard = rosa.get("console/dashboard/index.xhtml");
        var page = ConsoleClient.page(dashboard);
        var after = navCounts(dashboard);
        assertEquals(before.get(0) + 2, after.get(0), "two more wait for moderation");
        assertTrue(page.selectFirst("#nav-moderation").text().contains(after.get(0) + (after.get(0) == 1 ? " comment waits" : " comments wait")),
                "screen readers hear what the number counts: " + page.selectFirst("#nav-moderation").text());
        assertEquals(page.select("#reply-times-table tbody tr").size(), page.select("#reply-times-chart rect.bar").size(),
                "a bar per week of the table behind the chart");
        assertTrue(page.selectFirst("#reply-times-chart desc").text().startsWith("The slowest week's median was "));
        assertEquals(2, ConsoleClient.lastWeek(page, "#comments-weekly-table", 1) - ConsoleClient.lastWeek(weeklyBefore, "#comments-weekly-table", 1), "two more comments this week");
        assertEquals(2, ConsoleClient.lastWeek(page, "#first-timers-table", 1) - ConsoleClient.lastWeek(weeklyBefore, "#first-timers-table", 1), "from two newcomers");
        var networks = page.select("#shares-weekly-table thead th").eachText();
        assertEquals(List.of("Week of", "X (Twitter)", "Facebook", "LinkedIn", "e-mail", "Bluesky", "Mastodon"), networks);
        assertEquals(3, ConsoleClient.lastWeek(page, "#shares-weekly-table", 1) - ConsoleClient.lastWeek(weeklyBefore, "#shares-weekly-table", 1), "three readers shared to X");
        assertEquals(1, ConsoleClient.lastWeek(page, "#shares-weekly-table", 2) - ConsoleClient.lastWeek(weeklyBefore, "#shares-weekly-table", 2), "one to Facebook");
        assertEquals(0, ConsoleClient.lastWeek(page, "#shares-weekly-table", 3) - ConsoleClient.lastWeek(weeklyBefore, "#shares-weekly-table", 3), "none to LinkedIn");
        assertEquals(4 + ShareNetwork.values().length, page.select("svg.chart").size(),
                "per day, reply times, comments and first-timers per week, and a small chart per network");
        for (var chart : page.select("svg.chart[role=img]")) {
            assertFalse(chart.selectFirst("title").text().isBlank(), chart.id());
            assertEquals(chart.attr("aria-labelledby"), chart.selectFirst("title").id(), chart.id());
            if (!chart.id().equals("per-day-chart")) {
                assertFalse(chart.selectFirst("desc").text().isBlank(), chart.id());
                assertEquals(chart.attr("aria-describedby"), chart.selectFirst("desc").id(), chart.id());
            }
        }
        for (var table : List.of("#comments-weekly-table", "#first-timers-table", "#shares-weekly-table")) {
            assertFalse(page.selectFirst(table + " caption").text().isBlank(), table);
            assertEquals(page.select(table + " th").size(), page.select(table + " th[scope]").size(), table);
            assertEquals(page.select("#reply-times-table tbody tr").size(), page.select(table + " tbody tr").size(), "the same weeks as " + table);
        }
        assertEquals(page.select("#comments-weekly-table tbody tr").size(), page.select("#shares-weekly-x rect.bar").size());
        long toX = 0;
        for (var row : page.select("#shares-weekly-table tbody tr")) {
            toX += Long.parseLong(row.child(1).text());
        }
        assertEquals("X (Twitter) · " + toX + " shares",
                page.selectFirst("#shares-weekly-x").parent().selectFirst("figcaption").text());
        assertEquals("page", page.selectFirst("a[aria-current=page]").attr("aria-current"));
        assertTrue(page.selectFirst("a[aria-current=page]").attr("href").endsWith("/console/dashboard/index.xhtml"));
        var firstTimers = ConsoleClient.page(rosa.get("console/inbox/index.xhtml?first=true"));
        assertEquals("First-timers to welcome", firstTimers.selectFirst("h1").text());
        assertEquals(after.get(2), Long.valueOf(firstTimers.selectFirst("#inbox-count").text().replaceAll("\\D", "").isEmpty() ? "0"
                : firstTimers.selectFirst("#inbox-count").text().replaceAll("\\D", "")));
    }

    @Test
    @RunAsClient
    void aScheduledPostReadsScheduledForItsDateInThePostList() throws Exception {
        var writer = signedIn("it-team-admin", "ADMIN");
        var roadmap = ConsoleClient.rows(writer.get("console/posts/index.xhtml"), "#posts-table tbody tr").stream()
                .filter(cells -> cells.getFirst().equals("Our roadmap for next year")).findFirst().orElseThrow();
        assertTrue(roadmap.get(1).matches("Scheduled for \\w+ \\d+, \\d{4}"), roadmap.get(1));
    }

    @Test
    void commentsAreFoundByTextNameEmailOrTheAddressTheyCameFromNewestFirstInPages() {
        var thread = newThread();
        var token = UUID.randomUUID().toString().substring(0, 8);
        var byText = guest(thread, null, "Ada", null, "Is there a dark theme " + token + "?");
        var byName = guest(thread, null, "Bea " + token, null, "Hello.");
        var byEmail = guest(thread, null, "Cy", "cy-" + token + "@example.org", "Hi there.");
        var fromAddress = guest(thread, null, "Dee", null, "Posted from a known address.", visitors.clientHash("203.0.113.77"), Set.of());
        var wildcard = guest(thread, null, "Eve", null, "100% sure, " + token + "_x");

        assertEquals(List.of(wildcard.getId(), byEmail.getId(), byName.getId(), byText.getId()),
                commentSearch.search(token.toUpperCase(java.util.Locale.ROOT), 0, 10).hits().stream().map(CommentSearch.Hit::commentId).toList(),
                "text, name and e-mail, any case, newest first");
        var secondPage = commentSearch.search(token, 2, 2);
        assertEquals(4, secondPage.total());
        assertEquals(List.of(byName.getId(), byText.getId()), secondPage.hits().stream().map(CommentSearch.Hit::commentId).toList());
        assertEquals(List.of(fromAddress.getId()), commentSearch.search(" 203.0.113.77 ", 0, 10).hits().stream()
                .filter(hit -> hit.threadKey().equals(thread.getKey())).map(CommentSearch.Hit::commentId).toList(), "by the address's fingerprint");
        assertEquals(List.of(wildcard.getId()), commentSearch.search(token + "_x", 0, 10).hits().stream().map(CommentSearch.Hit::commentId).toList(),
                "LIKE wildcards in a query are plain characters");
        assertEquals(0, commentSearch.search("   ", 0, 10).total());
        assertThrows(IllegalArgumentException.class, () -> commentSearch.search("x".repeat(CommentSearch.QUERY_MAX + 1), 0, 10));
    }

    @Test
    void commentsAreFoundByTheBeginningsOfTheirWordsInAnyOrderAndAccentAndAnEditByItsNewWords() {
        var thread = newThread();
        var token = "w" + UUID.randomUUID().toString().substring(0, 8);
        var french = guest(thread, null, "Zoé " + token, null, "Un thème sombre, s'il vous plaît.");
        var english = guest(thread, null, "Yan", null, "The theme " + token + " is far too dark.");
        assertEquals(List.of(english.getId(), french.getId()), ids(commentSearch.search(token + " THEME", 0, 10)), "thème is theme");
        assertEquals(List.of(french.getId()), ids(commentSearch.search("zoe " + token, 0, 10)));
        assertEquals(List.of(english.getId()), ids(commentSearch.search("dar them " + token, 0, 10)), "beginnings of words, any order");
        assertEquals(List.of(), ids(commentSearch.search("ark " + token, 0, 10)), "a word is found by its beginning, not its middle");

        var edited = authorEdits.editOwn(english.getId(), Set.of(english.getId()), "Now about light colours " + token + ".");
        assertEquals(List.of(edited.getId()), ids(commentSearch.search("colour " + token, 0, 10)), "the new words");
        assertEquals(List.of(french.getId()), ids(commentSearch.search("theme " + token, 0, 10)), "the old words are gone");
    }

    @Test
    void importedCommentsAreFoundByTheirWordsOnceTheBackgroundHasIndexedThem() {
        var token = "i" + UUID.randomUUID().toString().substring(0, 8);
        var key = "console-it-import-" + UUID.randomUUID();
        var at = Instant.parse("2020-05-01T10:00:00Z");
        var outcome = commentImport.add(key, "Imported " + key, "https://example.org/" + key, List.of(
                new ImportedComment(key + " 1", null, "Zoë", "zoe-" + token + "@example.org", null, null,
                        "<p>Tomatoes " + token + " in May.</p>", CommentStatus.APPROVED, at, "test 1"),
                new ImportedComment(key + " 2", key + " 1", "Yan", null, null, null,
                        "<p>Sowing " + token + " indoors.</p>", CommentStatus.PENDING, at.plusSeconds(60), "test 2")));
        assertEquals(2, outcome.added());

        while (wordBacklog.indexBatch() > 0) {
            // batch after batch, as the background schedule does (another test class's imports may be in it too)
        }
        assertEquals(0, commentSearch.waiting(), "the search no longer says that comments are being indexed");
        var both = ids(commentSearch.search(token, 0, 10));
        assertEquals(2, both.size(), "both imported comments, whatever their status, by a word of their text");
        assertEquals(List.of(both.get(1)), ids(commentSearch.search("zoe tomato " + token, 0, 10)), "by name and text");
        assertEquals(List.of(both.get(0)), ids(commentSearch.search("indoor " + token, 0, 10)), "the newest first");
        assertEquals(0, commentImport.add(key, "Imported " + key, "https://example.org/" + key, List.of(
                new ImportedComment(key + " 1", null, "Zoë", null, null, null, "<p>Again.</p>", CommentStatus.APPROVED, at, "test 1")))
                .added(), "importing again adds nothing");
        assertEquals(0, commentSearch.waiting(), "and leaves nothing to index");
    }

    @Test
    void trustedCommentersReachBackToCommentsOfYearsAgo() {
        var key = "console-it-trusted-" + UUID.randomUUID();
        var email = "old-" + UUID.randomUUID() + "@example.org";
        var at = Instant.parse("2019-02-03T04:05:06Z");
        assertEquals(2, commentImport.add(key, "Imported " + key, "https://example.org/" + key, List.of(
                new ImportedComment(key + " 1", null, "Old Timer", email, null, null, "<p>Back then.</p>", CommentStatus.APPROVED, at, "test 1"),
                new ImportedComment(key + " 2", null, "Old Timer", email, null, null, "<p>Later.</p>", CommentStatus.APPROVED, at.plusSeconds(60), "test 2")))
                .added());
        var hash = CommentAuthor.emailHash(email);
        var found = queue.trusted(100_000).stream().filter(t -> t.emailHash().equals(hash)).findFirst().orElseThrow();
        assertEquals(2, found.approvedComments());
        assertEquals(at.plusSeconds(60), found.lastCommentAt());
        assertEquals("Old Timer", found.name());
    }

    @Test
    void aCommentEditedAfterItsBatchChoseItIsSkippedAndTheBatchGoesOn() throws Exception {
        var token = "e" + UUID.randomUUID().toString().substring(0, 8);
        var key = "console-it-import-" + UUID.randomUUID();
        var at = Instant.parse("2020-06-01T10:00:00Z");
        assertEquals(1, commentImport.add(key, "Imported " + key, "https://example.org/" + key, List.of(new ImportedComment(key + " 1",
                null, "Reader", null, null, null, "<p>Imported " + token + " words.</p>", CommentStatus.APPROVED, at, "test 1"))).added());
        // As when an edit indexed a comment between a batch choosing it and writing its words: its words are there, and
        // it is still in the batch (here: back in the backlog).
        var edited = guest(newThread(), null, "Editor", null, "Edited " + token + " words.");
        try (var connection = database.getConnection();
             var insert = connection.prepareStatement("INSERT INTO hc_comment_word_backlog (comment_id) VALUES (?)")) {
            insert.setLong(1, edited.getId());
            assertEquals(1, insert.executeUpdate());
        }

        while (wordBacklog.indexBatch() > 0) {
            // the old batch failed on the edited comment's words, every time
        }
        assertEquals(0, commentSearch.waiting());
        assertEquals(2, commentSearch.search(token, 0, 10).total(), "the imported comment indexed, the edited one once");
        assertEquals(List.of(edited.getId()), ids(commentSearch.search("edited " + token, 0, 10)));
    }

    @Test
    void twoIndexersAtOnceAsOnTwoInstancesTakeTurnsAndIndexEachImportedCommentOnce() throws Exception {
        var token = "t" + UUID.randomUUID().toString().substring(0, 8);
        var key = "console-it-import-" + UUID.randomUUID();
        var at = Instant.parse("2021-03-01T10:00:00Z");
        var imported = new ArrayList<ImportedComment>();
        for (int i = 0; i < 450; i++) {
            imported.add(new ImportedComment(key + " " + i, null, "Reader " + i, null, null, null,
                    "<p>Row " + token + " number " + i + ".</p>", CommentStatus.APPROVED, at.plusSeconds(i), "test " + i));
        }
        assertEquals(450, commentImport.add(key, "Imported " + key, "https://example.org/" + key, imported).added());

        Callable<Integer> indexer = () -> {
            int indexed = 0;
            for (int batch = wordBacklog.indexBatch(); batch > 0; batch = wordBacklog.indexBatch()) {
                indexed += batch;
            }
            return indexed;
        };
        var both = executor.invokeAll(List.of(indexer, indexer));
        assertTrue(both.get(0).get() + both.get(1).get() >= 450, "no batch failed (a comment indexed twice breaks the key)");
        assertEquals(0, commentSearch.waiting());
        assertEquals(450, commentSearch.search(token, 0, 1).total(), "every comment found");
    }

    private static List<Long> ids(CommentSearch.Results results) {
        return results.hits().stream().map(CommentSearch.Hit::commentId).toList();
    }

    @Test
    @RunAsClient
    void theSearchPageMarksWhatMatchedInEscapedTextAndLinksEachCommentIntoItsThread() throws Exception {
        var thread = "console-it-search-" + UUID.randomUUID();
        var token = "zq" + UUID.randomUUID().toString().substring(0, 6);
        var response = new ConsoleClient(base).post("it/comments", Map.of("thread", thread, "count", "2", "name", "<b>Mia</b> " + token), null);
        assertEquals(200, response.statusCode(), response.body());
        var ids = response.body().lines().map(Long::valueOf).toList();
        var rosa = signedIn("it-moderator", "MODERATOR");
        assertEquals(302, rosa.submit("console/moderation/index.xhtml?post=" + thread, "queue", Map.of("decision", "APPROVE:" + ids.get(1))).statusCode());

        var page = ConsoleClient.page(rosa.get("console/moderation/search.xhtml?q=" + token.toUpperCase(java.util.Locale.ROOT)));
        assertEquals("2 comments, newest first", page.selectFirst("#found-comments").text());
        var approved = page.selectFirst("#hit-" + ids.get(1));
        assertEquals("https://example.org/" + thread + "#comment-" + ids.get(1), approved.selectFirst("a").attr("href"), "into its thread");
        assertEquals(token, approved.selectFirst("mark").text());
        assertNull(approved.selectFirst("td b"), "a name's markup is text");
        assertTrue(approved.text().contains("<b>Mia</b>"));
        assertTrue(page.selectFirst("#hit-" + ids.get(0) + " a").attr("href").endsWith("#queued-" + ids.get(0)), "a pending comment: its place in the queue");

        var posts = ConsoleClient.page(rosa.get("console/moderation/search.xhtml?q=roadmap"));
        assertEquals("roadmap", posts.selectFirst("#post-hits mark").text().toLowerCase(java.util.Locale.ROOT), "scheduled posts are found too");

        var tooLong = ConsoleClient.page(rosa.get("console/moderation/search.xhtml?q=" + "x".repeat(101)));
        assertEquals("A search can be at most 100 characters long.", tooLong.selectFirst(".console-messages .error").text());
        assertNull(tooLong.selectFirst("#comment-hits"));
    }

    @Test
    void aCommenterProfileHasAllTheirCommentsFirstSeenTrustTheTeamsMedianAnswerTimeAndTheirBans() throws Exception {
        var thread = newThread();
        var email = "profiled-" + UUID.randomUUID() + "@example.org";
        var start = Instant.parse("2001-02-03T10:00:00Z");
        var first = guest(thread, null, "Pat", email, "My first question.");
        var second = guest(thread, null, "Pat", email, "A second question.");
        queue.decide(List.of(first.getId(), second.getId()), ModerationAction.APPROVE, "", "Rosa");
        var third = guest(thread, null, "Pat", email, "Still waiting for this one.", UUID.randomUUID().toString(), Set.of());
        var answerToFirst = inbox.reply(first.getId(), new TeamMember("Rosa", Badge.TEAM), "Welcome, Pat!");
        var answerToSecond = inbox.reply(second.getId(), new TeamMember("Rosa", Badge.TEAM), "Good question.");
        backdate(first.getId(), start);
        backdate(answerToFirst.getId(), start.plus(Duration.ofHours(2)));
        backdate(second.getId(), start.plus(Duration.ofDays(1)));
        backdate(answerToSecond.getId(), start.plus(Duration.ofDays(1)).plus(Duration.ofHours(4)));

        var profile = profiles.ofWriterOf(third.getId()).orElseThrow();
        assertEquals("Pat", profile.name());
        assertTrue(profile.withEmail());
        assertEquals(start, profile.firstSeen());
        assertEquals(3, profile.total());
        assertTrue(profile.trusted(), "an approved comment, trust not withdrawn");
        assertEquals(Duration.ofHours(3), profile.medianFirstTeamReply(), "the median of 2 h and 4 h");
        assertEquals(List.of(third.getId(), second.getId(), first.getId()), profile.comments().stream().map(CommenterProfiles.Entry::commentId).toList());
        assertNull(profile.comments().getFirst().firstTeamReply(), "unanswered");
        assertEquals(third.getId(), profile.latestCommentId());
        assertEquals(profile, profiles.ofWriterOf(first.getId()).orElseThrow(), "the same person from any of their comments");

        var ban = queue.ban(third.getId(), BanScope.EMAIL, null, "Off topic again", "Rosa");
        assertEquals(List.of(ban.getId()), profiles.ofWriterOf(first.getId()).orElseThrow().bans().stream().map(CommenterProfiles.ActiveBan::banId).toList());
        queue.lift(ban.getId(), "Rosa");
        assertEquals(List.of(), profiles.ofWriterOf(first.getId()).orElseThrow().bans());
        queue.revokeTrust(third.getEmailHash(), "Rosa");
        assertFalse(profiles.ofWriterOf(first.getId()).orElseThrow().trusted());
        assertTrue(profiles.ofWriterOf(Long.MAX_VALUE).isEmpty());
    }

    @Test
    @RunAsClient
    void aCommentersProfilePageShowsTheirCommentsAndBansAndLiftsABan() throws Exception {
        var thread = "console-it-profile-" + UUID.randomUUID();
        var ids = new ConsoleClient(base).post("it/comments", Map.of("thread", thread, "count", "2", "name", "Quinn",
                "email", "quinn-" + UUID.randomUUID() + "@example.org"), null).body().lines().map(Long::valueOf).toList();
        var rosa = signedIn("it-moderator", "MODERATOR");
        var queuePage = ConsoleClient.page(rosa.get("console/moderation/index.xhtml?post=" + thread));
        var profileUrl = queuePage.selectFirst("#queued-" + ids.get(0) + " a.profile-link").attr("abs:href");

        var profile = ConsoleClient.page(rosa.open(profileUrl));
        assertEquals("Quinn", profile.selectFirst("#commenter-name").text());
        assertEquals("2", profile.selectFirst("#commenter-total").text());
        assertEquals(List.of("entry-" + ids.get(1), "entry-" + ids.get(0)), profile.select("#commenter-comments tbody tr").eachAttr("id"));
        assertFalse(profile.text().contains("@example.org"), "the e-mail address is never shown");
        assertTrue(profile.selectFirst("#commenter-ban").attr("href").endsWith("/console/bans/new.xhtml?comment=" + ids.get(1)));

        // A ban made through the ban page's question, then lifted from the profile.
        var banForm = ConsoleClient.page(rosa.get("console/bans/new.xhtml?comment=" + ids.get(1)));
        var review = ConsoleClient.page(rosa.submit(banForm, "ban", Map.of("ban:scope", "EMAIL", "ban:reason", "Spam links",
                "ban:expiry", "standard", "decision", "REVIEW:" + ids.get(1))));
        var banned = rosa.submit(review, "confirm", Map.of("decision", "BAN:" + ids.get(1)));
        assertEquals(302, banned.statusCode(), banned.body());
        var withBan = ConsoleClient.page(rosa.open(profileUrl));
        var unban = withBan.selectFirst("#bans button[value^='UNBAN:']");
        assertNotNull(unban, "the ban in force is listed");
        var lifted = rosa.submit(withBan, "bans", Map.of("decision", unban.val()));
        assertEquals(302, lifted.statusCode());
        var after = ConsoleClient.page(rosa.open(lifted.headers().firstValue("Location").orElseThrow()));
        assertEquals("The ban is lifted: comments it refused are welcome again.", after.selectFirst(".console-messages .info").text());
        assertNotNull(after.selectFirst("#commenter-not-banned"));
    }

    /** The queue's checkboxes of these comments, checked. */
    private static List<Map.Entry<String, String>> selected(Long... ids) {
        return java.util.Arrays.stream(ids).map(id -> Map.entry("ids", id.toString())).toList();
    }

    /** The counts beside Moderation, Inbox and First-timers in the console's sections. */
    private static List<Long> navCounts(HttpResponse<String> response) {
        var page = ConsoleClient.page(response); // no lambda over it: in the server, jsoup is not there to resolve its type
        var counts = new ArrayList<Long>();
        for (var id : List.of("#nav-moderation", "#nav-inbox", "#nav-first-timers")) {
            counts.add(Long.valueOf(page.selectFirst(id + " .count").text()));
        }
        return counts;
    }

    @Test
    void firstTimersToWelcomeAreTheUnansweredFirstCommentsOfTheirWriters() {
        var thread = newThread();
        var email = "first-" + UUID.randomUUID() + "@example.org";
        var first = guest(thread, null, "Newcomer", email, "Hello, first time here.");
        queue.decide(List.of(first.getId()), ModerationAction.APPROVE, "", "Rosa");
        var again = guest(thread, null, "Newcomer", email, "And a second thought.", UUID.randomUUID().toString(), Set.of(first.getId()));
        queue.decide(List.of(again.getId()), ModerationAction.APPROVE, "", "Rosa");
        var anonymous = guest(thread, null, "Passer-by", null, "No e-mail, first time.");
        queue.decide(List.of(anonymous.getId()), ModerationAction.APPROVE, "", "Rosa");

        assertEquals(3, inbox.count(thread.getKey()));
        assertEquals(2, inbox.countFirstTimers(thread.getKey()));
        assertEquals(List.of(first.getId(), anonymous.getId()),
                inbox.unanswered(thread.getKey(), true, 0, 10).stream().map(item -> item.comment().getId()).toList());
        inbox.dismiss(first.getId(), "Rosa");
        assertEquals(1, inbox.countFirstTimers(thread.getKey()), "welcomed (or dismissed): no longer waiting");
    }

    /** Adds this many comments waiting for moderation to the thread (registered when new), through {@link CommentFixture}. */
    private List<Long> pendingComments(String thread, int count) throws Exception {
        var response = new ConsoleClient(base).post("it/comments", Map.of("thread", thread, "count", Integer.toString(count)), null);
        assertEquals(200, response.statusCode(), response.body());
        return response.body().lines().map(Long::valueOf).toList();
    }

    /** The dashboard's shares per network (by network id) and in total. */
    private static Map<String, Long> sharesShown(ConsoleClient client) throws Exception {
        var response = client.get("console/dashboard/index.xhtml");
        assertEquals(200, response.statusCode());
        var shown = new java.util.HashMap<String, Long>();
        for (var cells : ConsoleClient.rows(response, "#shares-table tr[id^=shares-]")) {
            shown.put(cells.getFirst(), Long.parseLong(cells.get(1).replaceAll("\\D", "")));
        }
        var byId = new java.util.HashMap<String, Long>();
        for (var network : ShareNetwork.values()) {
            byId.put(network.id(), shown.get(network.label()));
        }
        byId.put("total", shown.get("All networks"));
        return byId;
    }

    private Comment approvedGuest(CommentThread thread, String name) {
        var comment = guest(thread, null, name, UUID.randomUUID() + "@example.org", "A question from " + name + ".");
        queue.decide(List.of(comment.getId()), ModerationAction.APPROVE, "", "Rosa");
        return comment;
    }

    private void backdate(long commentId, Instant createdAt) throws Exception {
        try (var connection = database.getConnection();
             var update = connection.prepareStatement("update hc_comment set created_at = ? where id = ?")) {
            update.setTimestamp(1, Timestamp.from(createdAt));
            update.setLong(2, commentId);
            assertEquals(1, update.executeUpdate());
        }
    }
}

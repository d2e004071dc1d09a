package org.hearth.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.core.ConditionTimeoutException;
import java.util.regex.Pattern;

import jakarta.json.Json;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reply notifications through a real SMTP server (GreenMail, in this JVM): sent once the reply is approved and not
 * before, unsubscribed with one click, and a down SMTP server neither loses nor holds back the comment. Confirming an
 * address through the link mailed to it, which first-time moderation needs before it trusts a typed address. Following
 * a whole discussion: double opt-in, an e-mail per approved comment, one-click unsubscribe, bounded requests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailIT {

    /** The SMTP port: the test domain's port base + 25. */
    private static final int SMTP_PORT = Integer.getInteger("hearth.it.http.port", 28080) - 80 + 25;
    private static final Pattern UNSUBSCRIBE = Pattern.compile("(https?://\\S+/api/unsubscribe\\?token=\\S+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private GreenMail smtp;
    private ConsoleClient moderator;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withTestMailSession(Deployments.hearthWarForCommenting("mail-it").addClasses(TeamFixture.class), SMTP_PORT);
    }

    @BeforeEach
    void startSmtpAndSignIn() throws Exception {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        moderator = new ConsoleClient(base);
        moderator.ensureMember("it-mail", "ADMIN");
        assertEquals(302, moderator.signIn("it-mail", TeamFixture.PASSWORD).statusCode());
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private long post(String thread, Long parentId, String name, String email, boolean notify, String body) throws Exception {
        return posted(thread, parentId, name, email, notify, body).getJsonNumber("id").longValue();
    }

    /**
     * Posts through the API as a fresh client (no cookie) and answers the stored comment; {@code ownTokens} (the
     * {@code X-Hearth-Own} header), when given, prove which comments the client wrote.
     */
    private jakarta.json.JsonObject posted(String thread, Long parentId, String name, String email, boolean notify, String body,
                                           String... ownTokens) throws Exception {
        var json = Json.createObjectBuilder().add("form", DemoSite.formToken(base)).add("thread", thread).add("title", "Mail thread " + thread)
                .add("url", base.toExternalForm() + "mail" + thread).add("name", name).add("notify", notify).add("body", body);
        if (email != null) {
            json.add("email", email);
        }
        if (parentId != null) {
            json.add("parentId", parentId);
        }
        var request = HttpRequest.newBuilder(URI.create(base.toExternalForm() + "api/comments"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.build().toString()));
        if (ownTokens.length > 0) {
            request.header("X-Hearth-Own", String.join(" ", ownTokens));
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private void approve(long commentId) throws Exception {
        var answer = moderator.submit("console/moderation/index.xhtml", "queue", Map.of("decision", "APPROVE:" + commentId,
                "seen-" + commentId, "pending"));
        assertEquals(302, answer.statusCode());
    }

    private java.util.List<jakarta.mail.internet.MimeMessage> mailsTo(String address) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The e-mails to this address whose subject starts so. */
    private java.util.List<jakarta.mail.internet.MimeMessage> mailsTo(String address, String subjectStart) {
        return mailsTo(address).stream().filter(message -> {
            try {
                return message.getSubject().startsWith(subjectStart);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static final String REPLY = "Ben replied to your comment";
    private static final String CONFIRM = "Confirm your e-mail address";

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void aSubscriberGetsOneEmailAfterTheReplyIsApprovedAndCanUnsubscribeWithOneClick() throws Exception {
        var thread = "mail-it-" + UUID.randomUUID();
        var ada = email("ada");
        var question = post(thread, null, "Ada", ada, true, "Does anyone read these?");
        approve(question);
        var reply = post(thread, question, "Ben", email("ben"), false, "I do, every morning!");

        // Only reply mails to Ada count: an earlier test's retried delivery may still arrive at this SMTP server, and her
        // first comment, which waited for moderation, brought her a mail to confirm her address.
        // Three rounds of the outbox pass with nothing for her while the reply waits for moderation.
        await("nothing while the reply waits for moderation").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(ada, REPLY).isEmpty());

        approve(reply);
        await("the e-mail after approval").atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(ada, REPLY).isEmpty());
        assertEquals(1, mailsTo(ada, REPLY).size(), "one e-mail once the reply is approved");
        var mail = mailsTo(ada, REPLY).getFirst();
        assertTrue(mail.getSubject().startsWith("Ben replied to your comment"));
        var text = GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "=");
        assertTrue(text.contains("I do, every morning!"));
        assertTrue(mail.getHeader("List-Unsubscribe-Post")[0].contains("One-Click"));

        var matcher = UNSUBSCRIBE.matcher(text);
        assertTrue(matcher.find(), text);
        var link = URI.create(matcher.group(1));
        var confirm = http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, confirm.statusCode());
        assertTrue(confirm.body().contains("<button type=\"submit\">Unsubscribe</button>"), "a GET alone unsubscribes nobody");
        var done = http.send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("no more e-mails"));
        var forged = http.send(HttpRequest.newBuilder(URI.create(link.toString().replaceAll(".$", "x"))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, forged.statusCode());

        approve(post(thread, question, "Cleo", email("cleo"), false, "Me too, with coffee."));
        // Mails to Ada only, as above: another test's retried delivery may arrive here meanwhile.
        await("no e-mail after unsubscribing").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(ada, "Cleo replied").isEmpty());
        assertEquals(1, mailsTo(ada, "Ben replied").size() + mailsTo(ada, "Cleo replied").size(), "no e-mail after unsubscribing");
    }

    @Test
    void aDownSmtpServerNeitherLosesNorHoldsBackTheReplyAndTheMailFollowsLater() throws Exception {
        var thread = "mail-it-" + UUID.randomUUID();
        var dora = email("dora");
        var question = post(thread, null, "Dora", dora, true, "Is the SMTP server up?");
        approve(question);
        smtp.stop();

        var reply = post(thread, question, "Eli", email("eli"), false, "Not right now, but your answer is safe.");
        approve(reply);
        var shown = http.send(HttpRequest.newBuilder(URI.create(base.toExternalForm() + "api/comments/" + reply)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("\"approved\""), "the reply is published whatever the mail server does");

        assertTrue(logShows("tr.mail-queued", dora, true), "the delivery log shows the failed attempt, still queued");

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        await("retried and delivered once the server is back").atMost(Duration.ofSeconds(60))
                .until(() -> !mailsTo(dora, "Eli replied").isEmpty());
        assertTrue(logShows("tr.mail-sent", dora, false), "the delivery log says it was sent");
    }

    @Test
    void aTypedAddressIsTrustedOnlyOnceItsOwnerConfirmedItThroughTheLinkMailedToIt() throws Exception {
        var thread = "mail-it-" + UUID.randomUUID();
        var gia = email("gia");
        var first = posted(thread, null, "Gia", gia, false, "My very first comment.");
        assertEquals("pending", first.getString("status"), "a newcomer waits for moderation");
        await("the confirmation e-mail").atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(gia, CONFIRM).isEmpty());
        approve(first.getJsonNumber("id").longValue());

        var impostor = posted(thread, null, "Not Gia", gia, false, "I typed her address from another computer.");
        assertEquals("pending", impostor.getString("status"), "typing an approved commenter's address from a fresh client earns no trust");
        var ownToken = first.getString("ownerToken");
        assertEquals("approved", posted(thread, null, "Gia", null, false, "Back from my own browser.", ownToken).getString("status"),
                "the own-comments token of an approved comment still trusts");

        var text = GreenMailUtil.getBody(mailsTo(gia, CONFIRM).getFirst()).replace("=\r\n", "").replace("=3D", "=");
        var matcher = CONFIRM_LINK.matcher(text);
        assertTrue(matcher.find(), text);
        var link = URI.create(matcher.group(1));
        var page = http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<button type=\"submit\">Confirm my address</button>"), page.body());
        assertEquals("pending", posted(thread, null, "Not Gia", gia, false, "A mail scanner opened the link.").getString("status"),
                "opening the link (GET) confirms nothing");
        var forged = http.send(HttpRequest.newBuilder(URI.create(link.toString().replaceAll(".$", "x"))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, forged.statusCode());
        var confirmed = http.send(HttpRequest.newBuilder(link).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, confirmed.statusCode());
        assertTrue(confirmed.body().contains("Address confirmed"), confirmed.body());

        assertEquals("approved", posted(thread, null, "Gia", gia, false, "From my phone, with my confirmed address.").getString("status"),
                "a confirmed address with an approved comment is trusted from any client");
        assertEquals(1, mailsTo(gia, CONFIRM).size(), "one confirmation e-mail a day, however many comments wait");
    }

    @Test
    void aConfirmedAddressWithoutAnApprovedCommentStillWaitsForModeration() throws Exception {
        var thread = "mail-it-" + UUID.randomUUID();
        var hal = email("hal");
        var first = posted(thread, null, "Hal", hal, false, "Hello there.");
        await("the confirmation e-mail").atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(hal, CONFIRM).isEmpty());
        var matcher = CONFIRM_LINK.matcher(GreenMailUtil.getBody(mailsTo(hal, CONFIRM).getFirst()).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(matcher.find());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(matcher.group(1))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());

        var shown = http.send(HttpRequest.newBuilder(URI.create(base.toExternalForm() + "api/comments/" + first.getJsonNumber("id"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, shown.statusCode(), "confirming does not publish the comment that waits");
        assertEquals("pending", posted(thread, null, "Hal", hal, false, "Confirmed, but never approved.").getString("status"),
                "a confirmed address earns trust once a moderator approved one of its comments");
    }

    private static final Pattern CONFIRM_LINK = Pattern.compile("(https?://\\S+/api/confirm-address\\?token=\\S+)");

    /** Whether the delivery log shows, within 15 seconds, a row of this kind for this recipient (with an error). */
    private boolean logShows(String rowSelector, String recipient, boolean withError) {
        try {
            await("the delivery log").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() ->
                    ConsoleClient.page(moderator.open("console/mail/index.xhtml")).select("#mail-log " + rowSelector).stream()
                            .anyMatch(row -> row.text().contains(recipient) && (!withError || !row.child(5).text().isEmpty())));
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    @Test
    void aPostsAuthorHearsOfEachCommentAwaitingModerationWhenTheyAskedTo() throws Exception {
        var author = email("author");
        var saved = moderator.submit("console/index.xhtml", "notifications",
                Map.of("notifications:email", author, "notifications:pending", "true", "notifications:save", "Save"));
        assertEquals(302, saved.statusCode());
        var title = "Mail post " + UUID.randomUUID().toString().substring(0, 8);
        var published = moderator.submit("console/posts/edit.xhtml", "editor",
                Map.of("editor:title", title, "editor:markdown", "Tell me what you think.", "editor:publish", "Publish now"));
        assertEquals(302, published.statusCode());
        var editor = ConsoleClient.page(moderator.open(published.headers().firstValue("Location").orElseThrow()));
        var postUrl = editor.selectFirst("#post-state a").attr("href");
        var postPage = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base.toExternalForm()).resolve(postUrl)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var thread = org.jsoup.Jsoup.parse(postPage).selectFirst("[data-hc-share]").attr("data-hc-share");

        post(thread, null, "Fay", email("fay"), false, "I think it is lovely.");
        await("the author's e-mail").atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(author).isEmpty());
        var mail = mailsTo(author).getFirst();
        assertTrue(mail.getSubject().contains("awaiting moderation"), mail.getSubject());
        assertTrue(GreenMailUtil.getBody(mail).contains("I think it is lovely."));
    }

    private static final Pattern FOLLOW_LINK = Pattern.compile("(https?://\\S+/api/follow\\?token=\\S+)");
    private static final Pattern FOLLOW_STOP = Pattern.compile("(https?://\\S+/api/follow/stop\\?token=\\S+)");

    /** Asks to follow a thread with the widget's form, as a browser without JavaScript sends it. */
    private HttpResponse<String> follow(String thread, String address) throws Exception {
        var form = Map.of("hc-thread", thread, "hc-action", "follow", "hc-follow", address, "hc-title", "Mail thread " + thread,
                "hc-url", base.toExternalForm() + "mail" + thread);
        var body = form.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base.toExternalForm() + "api/discussion"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String url) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (method.equals("POST")) {
            // What a mail client sends for a one-click unsubscribe (RFC 8058), and what the page's button sends.
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String link(Pattern pattern, jakarta.mail.internet.MimeMessage mail) {
        var matcher = pattern.matcher(GreenMailUtil.getBody(mail));
        assertTrue(matcher.find(), GreenMailUtil.getBody(mail));
        return matcher.group(1);
    }

    @Test
    void aReaderFollowsADiscussionOnlyAfterConfirmingAndStopsWithOneClick() throws Exception {
        var thread = "follow-it-" + UUID.randomUUID();
        var fol = email("fol");
        var control = email("control");
        var asked = follow(thread, fol);
        assertEquals(200, asked.statusCode(), asked.body());
        assertTrue(org.jsoup.Jsoup.parse(asked.body()).selectFirst(".hc-follow-sent").text().startsWith("Almost done"), asked.body());
        assertEquals(200, follow(thread, control).statusCode());
        await("the confirmation e-mails").atMost(Duration.ofSeconds(20))
                .until(() -> mailsTo(fol, "Confirm: follow").size() == 1 && mailsTo(control, "Confirm: follow").size() == 1);
        assertEquals(200, follow(thread, fol).statusCode(), "asking again answers alike");

        approve(post(thread, null, "Bo", null, false, "Before anyone confirmed."));
        var confirm = link(FOLLOW_LINK, mailsTo(fol, "Confirm: follow").getFirst());
        var page = send("GET", confirm);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form method=\"post\">"), "opening the link only shows a button: " + page.body());
        assertEquals(200, send("POST", confirm).statusCode());
        assertEquals(200, send("POST", link(FOLLOW_LINK, mailsTo(control, "Confirm: follow").getFirst())).statusCode());
        var forged = confirm.substring(0, confirm.length() - 1) + (confirm.endsWith("A") ? "B" : "A");
        assertEquals(400, send("POST", forged).statusCode(), "a forged token confirms nothing");

        approve(post(thread, null, "Cy", email("cy"), false, "After the confirmation."));
        await("the follower's e-mail").atMost(Duration.ofSeconds(20)).until(() -> mailsTo(fol, "Cy commented").size() == 1);
        var mail = mailsTo(fol, "Cy commented").getFirst();
        assertTrue(GreenMailUtil.getBody(mail).contains("After the confirmation."));
        var stop = link(FOLLOW_STOP, mail);
        assertEquals("<" + stop + ">", mail.getHeader("List-Unsubscribe")[0]);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
        assertEquals(java.util.List.of(), mailsTo(fol, "Bo commented"), "nothing before the confirmation");

        assertEquals(200, send("GET", stop).statusCode());
        assertEquals(200, send("POST", stop).statusCode());
        approve(post(thread, null, "Di", null, false, "After the unsubscription."));
        // The follower who stopped asked first: had their e-mail been queued, it would have gone out before the control's.
        await("the control's e-mail").atMost(Duration.ofSeconds(20)).until(() -> mailsTo(control, "Di commented").size() == 1);
        assertEquals(java.util.List.of(), mailsTo(fol, "Di commented"), "no e-mail after one click");
    }

    @Test
    void followingIsRefusedForAnAddressThatIsNoneAndBoundedPerAddress() throws Exception {
        var invalid = follow("follow-it-" + UUID.randomUUID(), "not an address");
        assertEquals(400, invalid.statusCode());
        var field = org.jsoup.Jsoup.parse(invalid.body()).selectFirst(".hc-follow input[name=hc-follow]");
        assertEquals("true", field.attr("aria-invalid"));
        assertEquals("not an address", field.val(), "the text stays to be corrected");

        var busy = email("busy");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, follow("follow-it-" + UUID.randomUUID(), busy).statusCode());
        }
        var refused = follow("follow-it-" + UUID.randomUUID(), busy);
        assertEquals(429, refused.statusCode());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        assertTrue(refused.body().contains("Too many requests to follow"), refused.body());
    }
}

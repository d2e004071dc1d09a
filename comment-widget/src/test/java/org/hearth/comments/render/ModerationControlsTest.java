package org.hearth.comments.render;

import static org.hearth.comments.comment.Comments.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.comment.CommentTree;
import org.hearth.comments.host.Badge;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.TeamMember;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The moderation controls a signed-in team member sees on every comment of the thread, and that a reader never gets. */
class ModerationControlsTest {

    private static final String TOKEN = "1733300000000~AbCdEfGhIjKl~0123456789abcdef.sig-_nature";
    private static final DiscussionRenderer RENDERER = DiscussionRenderer.of(Locale.ENGLISH);
    private static final TeamMember ROSA = new TeamMember("Rosa Lindqvist", Badge.TEAM);

    private final Comment ana = comment("Ana", null, 5);
    private final Comment reply = comment("Ben", ana, 5);
    private final Comment waiting = comment("Chloé", null, 5, CommentStatus.PENDING);

    private Discussion discussion(boolean team) {
        var nodes = CommentTree.build(List.of(ana, waiting), List.of(reply), Set.of(), team);
        var page = new CommentService.ThreadPage(Optional.empty(), nodes, 0, false, nodes.size());
        var d = new Discussion("post-1", page, CommentService.Sort.OLDEST, 2, c -> true, 15, "/blog/api", TOKEN, null, null,
                FormInput.empty(), Instant.now());
        return team ? d.withModerator(ROSA) : d;
    }

    private static Document render(Discussion d) {
        return Jsoup.parseBodyFragment(RENDERER.discussion(new StringBuilder(), d).toString());
    }

    /** The actions of this comment itself (not of its replies), or null. */
    private static Element actions(Document doc, Comment c) {
        return doc.getElementById("comment-" + c.getId()).children().stream().filter(e -> e.hasClass("hc-actions")).findFirst().orElse(null);
    }

    private static Element controls(Document doc, Comment c) {
        return actions(doc, c).selectFirst("form.hc-moderate-form");
    }

    @Test
    void aReadersMarkupHasNoModerationControlsNorOthersPendingComments() {
        var doc = render(discussion(false));

        assertTrue(doc.select("form.hc-moderate-form, [name=hc-moderate], [name=hc-comment], [name=hc-seen], .hc-approve, .hc-spam")
                .isEmpty(), "nothing of moderation");
        assertNull(doc.getElementById("comment-" + waiting.getId()), "someone else's pending comment stays hidden");
        assertTrue(doc.select(".hc-pending-note").isEmpty());
    }

    @Test
    void aTeamMemberSeesPendingCommentsMarkedWithApproveSpamAndDeleteNamingTheirAuthor() {
        var doc = render(discussion(true));

        var pending = doc.getElementById("comment-" + waiting.getId());
        assertNotNull(pending, "the team sees the comment that awaits moderation, in its place");
        assertTrue(pending.hasClass("hc-pending"));
        assertEquals("Awaiting moderation: only the team sees this comment.", pending.selectFirst(".hc-pending-note").text());
        var form = controls(doc, waiting);
        assertEquals("/blog/api/discussion", form.attr("action"));
        assertEquals("post", form.attr("method"));
        assertEquals(List.of("approve", "spam", "delete", "ban"), form.select("button[name=hc-moderate]").eachAttr("value"));
        assertEquals(List.of("Approve Chloé's comment", "Mark Chloé's comment as spam", "Delete Chloé's comment", "Ban Chloé"),
                form.select("button").eachAttr("aria-label"));
        assertEquals(List.of("Approve", "Spam", "Delete", "Ban"), form.select("button").eachText(), "each visible label is part of its name");
        assertEquals(TOKEN, form.selectFirst("input[name=hc-form]").val());
        assertEquals(waiting.getId().toString(), form.selectFirst("input[name=hc-comment]").val());
        assertEquals("pending", form.selectFirst("input[name=hc-seen]").val());
        assertEquals("post-1", form.selectFirst("input[name=hc-thread]").val());
        assertNull(pending.selectFirst("a.hc-reply"), "no reply to a comment readers cannot see");

        var approved = controls(doc, ana);
        assertEquals(List.of("spam", "delete", "ban"), approved.select("button[name=hc-moderate]").eachAttr("value"), "nothing to approve");
        assertEquals("approved", approved.selectFirst("input[name=hc-seen]").val());
        assertNotNull(actions(doc, ana).selectFirst("a.hc-reply"), "the team replies as readers do");
        assertNotNull(controls(doc, reply), "replies have them too");
    }

    @Test
    void eachDecisionNamesTheCommentAfterItAndItsRepliesToReturnTo() {
        var doc = render(discussion(true));

        assertEquals(waiting.getId().toString(), controls(doc, ana).selectFirst("input[name=hc-next]").val());
        assertEquals(waiting.getId().toString(), controls(doc, reply).selectFirst("input[name=hc-next]").val());
        assertNull(controls(doc, waiting).selectFirst("input[name=hc-next]"), "the last comment has none after it");
    }

    @Test
    void hostileNamesStayTextInTheLabelsAndTheDeletionQuestion() {
        var name = "\"><img src=x onerror=alert(1)> O'Brien";
        var hostile = comment(name, null, 5, CommentStatus.PENDING);
        var nodes = CommentTree.build(List.of(hostile), List.of(), Set.of(), true);
        var d = new Discussion("post-1", new CommentService.ThreadPage(Optional.empty(), nodes, 0, false, 1), CommentService.Sort.OLDEST,
                0, c -> true, 15, "/api", TOKEN, null, null, FormInput.empty(), Instant.now()).withModerator(ROSA);
        var doc = render(d);
        assertEquals("Approve " + name + "'s comment", doc.selectFirst("button.hc-approve").attr("aria-label"));

        var question = Jsoup.parseBodyFragment(RENDERER.moderationQuestion(new StringBuilder(), d, hostile, "delete", 7, 42L, "/posts/a#comment-7").toString());
        assertTrue(question.select("img, [onerror]").isEmpty(), "nothing the name holds became markup");
        assertEquals("Delete " + name + "'s comment? Readers will no longer see it.", question.selectFirst(".hc-question").text());
    }

    @Test
    void theDeletionQuestionConfirmsTheDecisionOrKeepsTheComment() {
        var d = discussion(true);
        var doc = Jsoup.parseBodyFragment(RENDERER.moderationQuestion(new StringBuilder(), d, ana, "delete", 7, waiting.getId(), "/posts/a#comment-1").toString());

        var form = doc.selectFirst("form.hc-moderate-form.hc-confirm-delete");
        assertEquals("delete", form.selectFirst("input[name=hc-moderate]").val());
        assertEquals(ana.getId().toString(), form.selectFirst("input[name=hc-comment]").val());
        assertEquals(waiting.getId().toString(), form.selectFirst("input[name=hc-next]").val());
        assertEquals(TOKEN, form.selectFirst("input[name=hc-form]").val());
        var confirm = form.selectFirst("button[name=hc-confirm][value=yes]");
        assertEquals("Delete the comment", confirm.text());
        assertEquals(form.selectFirst(".hc-question").id(), confirm.attr("aria-describedby"));
        assertEquals("/posts/a#comment-1", form.selectFirst("a.hc-keep").attr("href"));
        assertEquals("/posts/a", form.selectFirst("input[name=hc-return]").val(), "without JavaScript the answer returns to the post");
        assertTrue(form.selectFirst("blockquote").text().contains("Words of Ana"), "the team member sees what goes");
    }

    @Test
    void theBanQuestionSaysWhatABanDoesAndForHowLong() {
        var doc = Jsoup.parseBodyFragment(RENDERER.moderationQuestion(new StringBuilder(), discussion(true), ana, "ban", 7, null, "#comment-1").toString());

        var form = doc.selectFirst("form.hc-moderate-form.hc-confirm-delete");
        assertEquals("ban", form.selectFirst("input[name=hc-moderate]").val());
        assertEquals("Ban Ana? Their comment is marked as spam, and new comments from their e-mail address and network address are "
                + "refused for 7 days.", form.selectFirst(".hc-question").text());
        assertEquals("Ban and mark as spam", form.selectFirst("button[name=hc-confirm]").text());
        assertNull(form.selectFirst("input[name=hc-return]"), "in place (with JavaScript) nothing to return to");
    }

    @Test
    void aRemovedCommentsPlaceholderHasNoControls() {
        var removed = comment("Dora", null, 5, CommentStatus.DELETED);
        var answer = comment("Eve", removed, 5);
        var nodes = CommentTree.build(List.of(removed), List.of(answer), Set.of(), true);
        var d = new Discussion("post-1", new CommentService.ThreadPage(Optional.empty(), nodes, 0, false, 1), CommentService.Sort.OLDEST,
                1, c -> true, 15, "/api", TOKEN, null, null, FormInput.empty(), Instant.now()).withModerator(ROSA);
        var doc = render(d);

        assertNull(actions(doc, removed));
        assertNotNull(controls(doc, answer));
    }

    @Test
    void aTeamMemberWritesUnderTheirOwnNameWithoutFieldsToFillAReaderFillsThemIn() {
        var team = render(discussion(true));
        var form = team.selectFirst("form.hc-form");
        assertEquals("Commenting as Rosa Lindqvist (team)", form.selectFirst(".hc-writing-as").text());
        assertTrue(form.select("[name=hc-name], [name=hc-email], [name=hc-website], [name=hc-notify], .hc-remembered").isEmpty(),
                "nothing the team would type in vain");
        assertNotNull(form.selectFirst("textarea[name=hc-body]"));

        var reply = Jsoup.parseBodyFragment(RENDERER.form(new StringBuilder(), discussion(true), ana.getId(), "Ana", null).toString());
        assertEquals("Replying as Rosa Lindqvist (team)", reply.selectFirst(".hc-writing-as").text());
        assertTrue(reply.select("[name=hc-name], [name=hc-email]").isEmpty());

        var reader = render(discussion(false)).selectFirst("form.hc-form");
        assertNull(reader.selectFirst(".hc-writing-as"));
        assertEquals(List.of("hc-name", "hc-email", "hc-notify", "hc-website"), reader.select("input[name~=^hc-(name|email|notify|website)$]").eachAttr("name"));
        var readerReply = Jsoup.parseBodyFragment(RENDERER.form(new StringBuilder(), discussion(false), ana.getId(), "Ana", null).toString());
        assertNotNull(readerReply.selectFirst("input[name=hc-name][required]"));
    }

    @Test
    void repliesBelowAPendingCommentAreShownToTheTeamMarkedAndToNoReader() {
        var answer = comment("Dan", waiting, 5, CommentStatus.PENDING);
        var teamAnswer = comment("Rosa Lindqvist", waiting, 5);
        var nodes = CommentTree.build(List.of(ana, waiting), List.of(reply, answer, teamAnswer), Set.of(), true);
        var d = new Discussion("post-1", new CommentService.ThreadPage(Optional.empty(), nodes, 0, false, 2), CommentService.Sort.OLDEST,
                3, c -> true, 15, "/api", TOKEN, null, null, FormInput.empty(), Instant.now()).withModerator(ROSA);
        var doc = render(d);

        var pending = doc.getElementById("comment-" + waiting.getId());
        assertEquals("Readers see these replies only once the comment above is approved.",
                pending.select("> p.hc-pending-replies").text());
        assertEquals(List.of("comment-" + answer.getId(), "comment-" + teamAnswer.getId()),
                pending.select("> ol.hc-replies > li > article").eachAttr("id"));
        assertTrue(doc.getElementById("comment-" + answer.getId()).hasClass("hc-pending"));
        assertNull(doc.getElementById("comment-" + ana.getId()).selectFirst(".hc-pending-replies"), "only below a pending comment");

        var readers = CommentTree.build(List.of(ana, waiting), List.of(reply, answer, teamAnswer), Set.of(), false);
        var readerDoc = render(new Discussion("post-1", new CommentService.ThreadPage(Optional.empty(), readers, 0, false, 1),
                CommentService.Sort.OLDEST, 3, c -> true, 15, "/api", TOKEN, null, null, FormInput.empty(), Instant.now()));
        for (var hidden : List.of(waiting, answer, teamAnswer)) {
            assertNull(readerDoc.getElementById("comment-" + hidden.getId()));
        }
        assertTrue(readerDoc.select(".hc-pending-replies").isEmpty());
    }
}

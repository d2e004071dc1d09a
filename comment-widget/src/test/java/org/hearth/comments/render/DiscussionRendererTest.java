package org.hearth.comments.render;

import static org.hearth.comments.comment.Comments.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hearth.comments.host.Badge;
import org.hearth.comments.host.DiscussionIds;
import org.hearth.comments.comment.Comment;
import org.hearth.comments.comment.CommentAuthor;
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.comment.CommentTree;
import org.hearth.comments.comment.Comments;
import org.hearth.comments.host.TeamMember;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class DiscussionRendererTest {

    private static final String TOKEN = "1733300000000~AbCdEfGhIjKl~0123456789abcdef.sig-_nature";
    private static final DiscussionRenderer RENDERER = DiscussionRenderer.of(Locale.ENGLISH);
    /** The ids of post-1's discussion carry its tag. */
    private static final String FORM = "hc-form-" + DiscussionIds.tag("post-1");

    private static Discussion discussion(List<Comment> topLevel, List<Comment> replies, Set<Long> own, FormInput form) {
        var nodes = CommentTree.build(topLevel, replies, own);
        var page = new CommentService.ThreadPage(Optional.empty(), nodes, 0, false, nodes.size());
        return new Discussion("post-1", page, CommentService.Sort.OLDEST, nodes.size(), c -> c.getStatus() != CommentStatus.DELETED,
                15, "/blog/api", TOKEN, null, null, form, Instant.now());
    }

    private static CommentService.ThreadPage onePage(Comment only) {
        var nodes = CommentTree.build(List.of(only), List.of(), Set.of());
        return new CommentService.ThreadPage(Optional.empty(), nodes, 0, false, 1);
    }

    private static Document render(Discussion d) {
        return Jsoup.parseBodyFragment(RENDERER.discussion(new StringBuilder(), d).toString());
    }

    @Test
    void hostileNamesAreWrittenAsTextInElementsAndAttributes() {
        var name = "\"><script>alert(1)</script><img src=x onerror=alert(2)> O'Brien & Co";
        var doc = render(discussion(List.of(comment(name, null, 5)), List.of(), Set.of(), FormInput.empty()));
        assertEquals(name, doc.selectFirst(".hc-author").text());
        assertEquals("Reply to " + name, doc.selectFirst("a.hc-reply").attr("aria-label"));
        assertTrue(doc.select("script, img, [onerror]").isEmpty(), "nothing the name holds became markup");
    }

    @Test
    void onlyWebAddressesBecomeAuthorLinksAndQuotesStayInsideTheAttribute() {
        var sneaky = comment(CommentAuthor.guest("Ada", null, null), "Hi", null, 5, CommentStatus.APPROVED);
        Comments.set(sneaky, "authorWebsite", "javascript:alert(1)");
        var quoted = comment(CommentAuthor.guest("Bo", null, null), "Hi", null, 5, CommentStatus.APPROVED);
        Comments.set(quoted, "authorWebsite", "https://bo.example/\"onmouseover=\"alert(1)");
        var doc = render(discussion(List.of(sneaky, quoted), List.of(), Set.of(), FormInput.empty()));

        var ada = doc.getElementById("comment-" + sneaky.getId());
        assertNull(ada.selectFirst("a.hc-author"), "no javascript: link");
        assertEquals("Ada", ada.selectFirst("span.hc-author").text());
        var bo = doc.getElementById("comment-" + quoted.getId()).selectFirst("a.hc-author");
        assertEquals("https://bo.example/\"onmouseover=\"alert(1)", bo.attr("href"));
        assertFalse(bo.hasAttr("onmouseover"));
        assertEquals("nofollow ugc noopener", bo.attr("rel"));
    }

    @Test
    void markdownBodiesAreShownSanitized() {
        var hostile = comment(CommentAuthor.guest("Cy", null, null),
                "**bold** [link](javascript:alert(2)) <img src=x onerror=alert(3)>\n\n<script>alert(1)</script>", null, 5, CommentStatus.APPROVED);
        var body = render(discussion(List.of(hostile), List.of(), Set.of(), FormInput.empty())).selectFirst(".hc-body");
        assertEquals("bold", body.selectFirst("strong").text());
        assertTrue(body.select("script, img, [onerror], a[href^=javascript]").isEmpty(), body.html());
    }

    @Test
    void repliesNestInsideTheirParentsElementWithTheirDepth() {
        var root = comment("Maya", null, 2);
        var reply = comment("Rosa", root, 2);
        var deeper = comment("Tom", reply, 2);
        var beyond = comment("Una", deeper, 2);
        var doc = render(discussion(List.of(root), List.of(reply, deeper, beyond), Set.of(), FormInput.empty()));

        assertEquals("0", doc.getElementById("comment-" + root.getId()).attr("data-depth"));
        var replyElement = doc.getElementById("comment-" + reply.getId());
        assertEquals("1", replyElement.attr("data-depth"));
        assertEquals("comment-" + root.getId(), replyElement.parent().closest("article").id());
        var deeperElement = doc.getElementById("comment-" + deeper.getId());
        assertEquals("2", deeperElement.attr("data-depth"));
        assertEquals("comment-" + reply.getId(), deeperElement.parent().closest("article").id());
        var beyondElement = doc.getElementById("comment-" + beyond.getId());
        assertEquals("2", beyondElement.attr("data-depth"), "beyond the deepest level a reply stays at it");
        assertEquals("Tom", beyondElement.selectFirst(".hc-in-reply-to a").text());
        assertEquals("#comment-" + deeper.getId(), beyondElement.selectFirst(".hc-in-reply-to a").attr("href"));
    }

    @Test
    void teamRepliesCarryTheirBadge() {
        var guest = comment("Maya", null, 5);
        var author = comment(CommentAuthor.team(new TeamMember("Rosa", Badge.AUTHOR), null, null), "Thanks", guest, 5, CommentStatus.APPROVED);
        var team = comment(CommentAuthor.team(new TeamMember("Sam", Badge.TEAM), null, null), "Welcome", null, 5, CommentStatus.APPROVED);
        var doc = render(discussion(List.of(guest, team), List.of(author), Set.of(), FormInput.empty()));
        assertNull(doc.getElementById("comment-" + guest.getId()).selectFirst("header").selectFirst(".hc-badge"));
        assertEquals("Author", doc.getElementById("comment-" + author.getId()).selectFirst(".hc-badge").text());
        assertEquals("Team", doc.getElementById("comment-" + team.getId()).selectFirst(".hc-badge").text());
    }

    @Test
    void anOwnPendingCommentIsMarkedAndCanBeCorrectedButNotAnsweredOrSmiledAt() {
        var mine = comment("Nia", null, 5, CommentStatus.PENDING);
        var other = comment("Otto", null, 5);
        var doc = render(discussion(List.of(mine, other), List.of(), Set.of(mine.getId()), FormInput.empty()));

        var own = doc.getElementById("comment-" + mine.getId());
        assertTrue(own.hasClass("hc-pending"));
        assertTrue(own.selectFirst(".hc-pending-note").text().startsWith("Awaiting moderation"));
        assertNull(own.selectFirst(".hc-smile"), "nobody smiles at a comment only its author sees");
        assertNull(own.selectFirst("a.hc-reply"));
        assertEquals("?hc-edit=" + mine.getId() + "#comment-" + mine.getId(), own.selectFirst("a.hc-edit").attr("href"));
        var delete = own.selectFirst("form.hc-delete-form");
        assertEquals("/blog/api/discussion", delete.attr("action"));
        assertEquals(String.valueOf(mine.getId()), delete.selectFirst("button[name=hc-delete]").val());
        assertEquals("You can edit or delete your comment for 15 minutes.", own.selectFirst(".hc-edit-window").text());

        var theirs = doc.getElementById("comment-" + other.getId());
        assertNull(theirs.selectFirst("a.hc-edit"), "nobody corrects another's comment");
        assertEquals("?hc-reply=" + other.getId() + "#hc-form-" + other.getId(), theirs.selectFirst("a.hc-reply").attr("href"));
        assertEquals("0 smiles. Smile at Otto's comment", accessibleName(theirs.selectFirst("button.hc-smile")));
        assertNull(render(discussion(List.of(mine), List.of(), Set.of(), FormInput.empty())).getElementById("comment-" + mine.getId()),
                "nobody else sees it");
    }

    @Test
    void aRemovedCommentStandsAsAPlaceholderForItsReplies() {
        var removed = comment("Gone", null, 5, CommentStatus.DELETED);
        var reply = comment("Stays", removed, 5);
        var doc = render(discussion(List.of(removed), List.of(reply), Set.of(), FormInput.empty()));
        var placeholder = doc.getElementById("comment-" + removed.getId());
        assertEquals("Comment removed.", placeholder.child(0).text());
        assertEquals("hc-replies", placeholder.child(1).className(), "neither name nor text of the removed comment");
        assertNotNull(placeholder.selectFirst("#comment-" + reply.getId()));
    }

    @Test
    void aRefusedFormKeepsTheTextAndNamesTheFieldAtFault() {
        var values = new HashMap<String, String>(Map.of(FormInput.NAME, " ", FormInput.BODY, "Words </textarea><script>x</script>",
                FormInput.WEBSITE, "\"><b>", FormInput.NOTIFY, "on"));
        var form = FormInput.of(values).refuse("name", "Please tell us your name.").refuse("form", "This form has expired.");
        var doc = render(discussion(List.of(), List.of(), Set.of(), form));

        var main = doc.getElementById(FORM);
        assertEquals("/blog/api/discussion", main.attr("action"));
        assertEquals("Words </textarea><script>x</script>", main.selectFirst("textarea").val());
        assertEquals("\"><b>", main.selectFirst("#" + FORM + "-website").val());
        assertTrue(doc.select("script, b").isEmpty());
        var name = main.selectFirst("#" + FORM + "-name");
        assertEquals("true", name.attr("aria-invalid"));
        assertEquals(FORM + "-name-error", name.attr("aria-describedby"));
        assertEquals("Please tell us your name.", main.selectFirst("#" + FORM + "-name-error").text());
        assertEquals(List.of(name), main.select("[autofocus]"), "a page without JavaScript opens at the field to fix");
        assertTrue(main.selectFirst(".hc-errors[role=alert]").text().endsWith("This form has expired."), "other messages go to the summary");
        assertTrue(main.selectFirst("#" + FORM + "-notify").hasAttr("checked"));
        assertEquals(TOKEN, main.selectFirst("input[name=hc-form]").val());
        assertTrue(RENDERER.discussion(new StringBuilder(), discussion(List.of(), List.of(), Set.of(), form)).toString().contains(TOKEN),
                "the token is written as is (a page cache finds and replaces it)");
    }

    @Test
    void aReplyFormOpensUnderItsCommentAndEveryFieldHasALabel() {
        var root = comment("Maya", null, 5);
        var nodes = CommentTree.build(List.of(root), List.of(), Set.of());
        var page = new CommentService.ThreadPage(Optional.empty(), nodes, 0, false, 1);
        var d = new Discussion("post-1", page, CommentService.Sort.NEWEST, 1, c -> true, 15, "/api", TOKEN, root.getId(), null,
                FormInput.empty(), Instant.now());
        var doc = render(d);
        var form = doc.getElementById("comment-" + root.getId()).selectFirst("form#hc-form-" + root.getId());
        assertNotNull(form);
        assertEquals("Reply to Maya", form.selectFirst("h3").text());
        assertEquals(String.valueOf(root.getId()), form.selectFirst("input[name=hc-parent]").val());
        for (var field : doc.select("input:not([type=hidden]), textarea")) {
            assertNotNull(doc.selectFirst("label[for=" + field.id() + "]"), field.id());
        }
        assertEquals("?hc-sort=newest&hc-reply=" + root.getId() + "#hc-form-" + root.getId(),
                doc.selectFirst("a.hc-reply").attr("href"), "the order stays when a form opens");
        assertEquals("1 comment", doc.selectFirst("#hc-heading-" + DiscussionIds.tag("post-1")).text());
    }

    @Test
    void twoDiscussionsOnOnePageShareNoIdAndEachLabelNamesItsOwnField() {
        var first = comment("Ada", null, 5);
        var second = comment("Bo", null, 5);
        var html = new StringBuilder();
        RENDERER.discussion(html, new Discussion("/posts/a", onePage(first), CommentService.Sort.OLDEST, 1, c -> true, 15,
                "/api", TOKEN, null, null, FormInput.empty(), Instant.now()));
        RENDERER.discussion(html, new Discussion("/posts/b", onePage(second), CommentService.Sort.OLDEST, 1, c -> true, 15,
                "/api", TOKEN, null, null, FormInput.empty(), Instant.now()));
        var doc = Jsoup.parseBodyFragment(html.toString());

        var ids = doc.select("[id]").eachAttr("id");
        assertEquals(ids.size(), Set.copyOf(ids).size(), "no id twice: " + ids);
        var sections = doc.select("section.hc-comments");
        assertEquals(2, sections.size());
        for (var section : sections) {
            assertNotNull(section.getElementById(section.attr("aria-labelledby")), "each section is named by its own heading");
            for (var label : section.select("label[for]")) {
                assertNotNull(section.getElementById(label.attr("for")), "the label of " + label.attr("for") + " is in its own discussion");
            }
        }
        assertEquals(DiscussionIds.section("/posts/b"), sections.get(1).id());
        assertFalse(DiscussionIds.tag("/posts/a").equals(DiscussionIds.tag("/posts/b")));
        assertTrue(DiscussionIds.tag("/posts/a").matches("t[0-9a-z]{1,10}"), "never read as a comment's id");
    }

    @Test
    void aPageOfManyCommentsOffersSortingAndMore() {
        var comments = new ArrayList<Comment>();
        for (int i = 0; i < 3; i++) {
            comments.add(comment("Reader " + i, null, 5));
        }
        var nodes = CommentTree.build(comments, List.of(), Set.of());
        var page = new CommentService.ThreadPage(Optional.empty(), nodes, 1, true, 9);
        var d = new Discussion("post-1", page, CommentService.Sort.TOP, 9, c -> true, 15, "/api", TOKEN, null, null, FormInput.empty(),
                Instant.now());
        var doc = render(d);
        assertEquals("9 comments", doc.selectFirst("#hc-heading-" + DiscussionIds.tag("post-1")).text());
        assertEquals("true", doc.selectFirst(".hc-sort a[data-hearth-sort=top]").attr("aria-current"));
        assertEquals("?hc-sort=top&hc-page=2#" + DiscussionIds.section("post-1"), doc.selectFirst(".hc-more:not(.hc-earlier) a").attr("href"));
        assertEquals("2", doc.selectFirst(".hc-more:not(.hc-earlier) a").attr("data-hearth-more"));
        assertEquals("?hc-sort=top#" + DiscussionIds.section("post-1"), doc.selectFirst(".hc-earlier a").attr("href"));
        var more = Jsoup.parseBodyFragment(RENDERER.comments(new StringBuilder(), d).toString());
        assertEquals(3, more.select("body > li > article.hc-comment").size(), "the page's comments alone, for Show more");
        assertNull(more.selectFirst("form#" + FORM));
    }

    @Test
    void aDateIsShownOnceRelativeWithTheFullDateInTheTimeElement() {
        var old = comment("Ida", null, 5);
        Comments.set(old, "createdAt", Instant.parse("2026-03-05T14:07:09.123Z"));
        var recent = comment("Jo", null, 5);
        Comments.set(recent, "createdAt", Instant.now().minusSeconds(3 * 3600 + 5));
        var doc = render(discussion(List.of(old, recent), List.of(), Set.of(), FormInput.empty()));
        var time = doc.selectFirst("#comment-" + old.getId() + " time");
        assertEquals("2026-03-05T14:07:09Z", time.attr("datetime"));
        assertEquals("5 Mar 2026, 14:07 UTC", time.attr("title"));
        var header = doc.selectFirst("#comment-" + recent.getId() + " header");
        assertEquals("3 hours ago", header.selectFirst("time").text());
        assertFalse(header.text().contains("UTC"), "one date per comment, not a relative and a full one side by side: " + header.text());
    }

    @Test
    void screenReadersHearTheSmilesCountedInWords() {
        var one = comment("Una", null, 5);
        Comments.set(one, "smiles", 1);
        var many = comment("Mo", null, 5);
        Comments.set(many, "smiles", 1234);
        var doc = render(discussion(List.of(one, many), List.of(), Set.of(), FormInput.empty()));
        var button = doc.selectFirst("#comment-" + one.getId() + " button.hc-smile");
        assertEquals("1 smile. Smile at Una's comment", accessibleName(button));
        assertEquals("1", button.selectFirst(".hc-smile-count").text(), "the digits stay for the eye");
        assertEquals("1,234 smiles. Smile at Mo's comment", accessibleName(doc.selectFirst("#comment-" + many.getId() + " button.hc-smile")));
    }

    @Test
    void everyCommentHasAPictureDrawnHereUnlessTheSiteOptsInToAnAvatarService() {
        var withAddress = comment(CommentAuthor.guest("Maya Okafor", "Maya@Example.org ", null), "Hi", null, 5, CommentStatus.APPROVED);
        var without = comment("Otto", null, 5);
        var drawn = render(discussion(List.of(withAddress, without), List.of(), Set.of(), FormInput.empty()));
        var svg = drawn.selectFirst("#comment-" + withAddress.getId() + " header svg.hc-avatar");
        assertNotNull(svg, "an avatar in the header");
        assertEquals("true", svg.attr("aria-hidden"));
        assertEquals("MO", svg.selectFirst("text").text());
        assertTrue(drawn.select("img").isEmpty(), "no request to any other host");

        var nodes = CommentTree.build(List.of(withAddress, without), List.of(), Set.of());
        var page = new CommentService.ThreadPage(Optional.empty(), nodes, 0, false, 2);
        var d = new Discussion("post-1", page, CommentService.Sort.OLDEST, 2, c -> true, 15, "/api", TOKEN, null, null,
                FormInput.empty(), Instant.now(), Avatars.GRAVATAR, null);
        var opted = render(d);
        var img = opted.selectFirst("#comment-" + withAddress.getId() + " header img.hc-avatar");
        // SHA-256 of "maya@example.org": the address itself never reaches the page.
        assertEquals("https://gravatar.com/avatar/" + sha256("maya@example.org") + "?s=80&d=identicon", img.attr("src"));
        assertEquals("", img.attr("alt"));
        assertFalse(opted.html().toLowerCase(Locale.ROOT).contains("maya@example.org"));
        assertNotNull(opted.selectFirst("#comment-" + without.getId() + " header svg.hc-avatar"), "no address: the initials");
    }

    @Test
    void deletingAsksFirstWithTheCommentAndAWayToKeepIt() {
        var mine = comment("Quinn", null, 5);
        var d = discussion(List.of(mine), List.of(), Set.of(mine.getId()), FormInput.empty());
        var doc = Jsoup.parseBodyFragment(RENDERER.deleteConfirmation(new StringBuilder(), d, mine, "/posts/a#comment-" + mine.getId()).toString());
        var form = doc.selectFirst("form.hc-confirm-delete");
        assertEquals("/blog/api/discussion", form.attr("action"));
        assertEquals(String.valueOf(mine.getId()), form.selectFirst("input[type=hidden][name=hc-delete]").val());
        var confirm = form.selectFirst("button[name=hc-confirm][value=yes]");
        assertEquals("Delete it", confirm.text());
        assertEquals("Delete your comment? This cannot be undone.", doc.getElementById(confirm.attr("aria-describedby")).text());
        assertEquals("Words of Quinn", form.selectFirst("blockquote").text());
        assertEquals("/posts/a#comment-" + mine.getId(), form.selectFirst("a.hc-keep").attr("href"));
    }

    @Test
    void forgetMeWaitsHiddenForTheScriptThatRemembersDetails() {
        var doc = render(discussion(List.of(), List.of(), Set.of(), FormInput.empty()));
        var note = doc.selectFirst("form.hc-form .hc-remembered");
        assertTrue(note.hasAttr("hidden"), "nothing is remembered without JavaScript");
        var forget = note.selectFirst("button.hc-forget");
        assertEquals("button", forget.attr("type"), "it never sends the form");
        assertEquals("Forget me", forget.text());
    }

    @Test
    void followingAsksForAnAddressAndLinksTheFeedTheHostOffers() {
        var plain = render(discussion(List.of(), List.of(), Set.of(), FormInput.empty()));
        var form = plain.selectFirst("section.hc-follow form.hc-follow-form");
        assertEquals("Follow this discussion", plain.getElementById(FOLLOW + "-heading").text());
        assertEquals("email", form.getElementById(FOLLOW + "-email").attr("type"));
        assertNotNull(plain.selectFirst("label[for=" + FOLLOW + "-email]"));
        assertEquals("follow", form.selectFirst("button[name=hc-action]").val());
        assertEquals(TOKEN, form.selectFirst("input[name=hc-form]").val());
        assertEquals("/blog/api/discussion/feed?thread=post-1&lang=en", plain.selectFirst(".hc-feed a[type=application/atom+xml]").attr("href"),
                "without a feed of the host's, the widget's own");
        assertFalse(plain.selectFirst("section.hc-comments").hasAttr("data-hearth-feed"));

        var withFeed = render(discussion(List.of(), List.of(), Set.of(), FormInput.empty()).withFeed("/feeds/comments/a.atom"));
        assertEquals("/feeds/comments/a.atom", withFeed.selectFirst(".hc-follow a[type=application/atom+xml]").attr("href"));
        assertEquals("/feeds/comments/a.atom", withFeed.selectFirst("section.hc-comments").attr("data-hearth-feed"), "kept when sorted in place");

        var refused = FormInput.of(new HashMap<>(Map.of(FormInput.FOLLOW, "\"><b>nope"))).refuse("follow", "Please give an e-mail address.");
        var again = render(discussion(List.of(), List.of(), Set.of(), refused));
        var input = again.getElementById(FOLLOW + "-email");
        assertEquals("\"><b>nope", input.val());
        assertEquals("true", input.attr("aria-invalid"));
        assertEquals(FOLLOW + "-hint " + FOLLOW + "-email-error", input.attr("aria-describedby"));
        assertTrue(again.select("b").isEmpty());

        var sent = Jsoup.parseBodyFragment(RENDERER.follow(new StringBuilder(), discussion(List.of(), List.of(), Set.of(), FormInput.empty()), true).toString());
        assertTrue(sent.selectFirst(".hc-follow-sent[role=status]").text().startsWith("Almost done"));
        assertNull(sent.selectFirst("form"));
    }

    /** The ids of "Follow this discussion" in the test's thread begin with this. */
    private static final String FOLLOW = "hc-follow-" + DiscussionIds.tag("post-1");

    private static String accessibleName(org.jsoup.nodes.Element element) {
        var copy = element.clone();
        copy.select("[aria-hidden=true]").remove();
        return copy.text();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void messagesFillPlainAndPluralPatterns() {
        var messages = Messages.of(Locale.UK);
        assertEquals("Reply to Zoë", messages.get("reply.to", "Zoë"));
        assertEquals("1 smile. Smile at Zoë's comment", messages.get("smile.label", 1, "Zoë"));
        assertEquals("2 smiles. Smile at Zoë's comment", messages.get("smile.label", 2, "Zoë"));
        assertEquals("no.such.key", messages.get("no.such.key"));
        assertEquals("{\"one\":\"# share\",\"other\":\"# shares\"}", messages.pluralForms("share.total"), "for share.js");
        assertEquals("{\"=0\":\"Join the discussion\",\"one\":\"# comment\",\"other\":\"# comments\"}", messages.pluralForms("heading"));
        assertEquals("{}", messages.pluralForms("reply"));
    }

    @Test
    void oneSmileReadsInTheSingular() {
        var smiled = comment("Pia", null, 5);
        Comments.set(smiled, "smiles", 1);
        var doc = render(discussion(List.of(smiled), List.of(), Set.of(), FormInput.empty()));
        var button = doc.getElementById("comment-" + smiled.getId()).selectFirst("button.hc-smile");
        assertEquals("1 smile. Smile at Pia's comment", button.selectFirst(".hc-visually-hidden").text());
        assertEquals("1", button.selectFirst(".hc-smile-count").text());
        assertEquals("1 smile. Smile at Pia's comment", accessibleName(button), "the count is read once");
    }

    @Test
    void arabicCountsUseAllSixPluralCategories() {
        var arabic = Messages.of(Locale.forLanguageTag("ar-EG"));
        assertEquals(Locale.forLanguageTag("ar"), arabic.locale());
        assertEquals("شارك في النقاش", arabic.get("heading", 0));
        assertEquals("تعليق واحد", arabic.get("heading", 1));
        assertEquals("تعليقان", arabic.get("heading", 2));
        assertEquals("3 تعليقات", arabic.get("heading", 3));
        assertEquals("11 تعليقًا", arabic.get("heading", 11));
        assertEquals("100 تعليق", arabic.get("heading", 100));
    }

    @Test
    void theDiscussionSpeaksItsLanguageWithItsDirectionAndRelativeTimes() {
        var recent = comment("Jan", null, 5);
        Comments.set(recent, "createdAt", Instant.now().minusSeconds(5 * 60 + 5));
        var d = discussion(List.of(recent), List.of(), Set.of(), FormInput.empty());
        var german = Jsoup.parseBodyFragment(DiscussionRenderer.of(Locale.GERMANY).discussion(new StringBuilder(), d).toString());
        var section = german.selectFirst("section.hc-comments");
        assertEquals("de", section.attr("lang"));
        assertEquals("ltr", section.attr("dir"));
        assertEquals("1 Kommentar", german.selectFirst("h2[id^=hc-heading-]").text());
        assertEquals("vor 5 Minuten", german.selectFirst("time").text());
        assertEquals("de", german.selectFirst("form.hc-form input[name=hc-lang]").val(), "the answer to the form speaks German too");

        var arabic = Jsoup.parseBodyFragment(DiscussionRenderer.of(Locale.forLanguageTag("ar")).discussion(new StringBuilder(), d).toString());
        assertEquals("rtl", arabic.selectFirst("section.hc-comments").attr("dir"));
        assertEquals("ar", arabic.selectFirst("section.hc-comments").attr("lang"));
        assertEquals("1 comment", render(d).selectFirst("h2[id^=hc-heading-]").text(), "an unknown language reads English");
        assertEquals("en", Jsoup.parseBodyFragment(DiscussionRenderer.of(Locale.forLanguageTag("tlh")).discussion(new StringBuilder(), d)
                .toString()).selectFirst("section").attr("lang"));
    }

    @Test
    void htmlEscapesEverythingThatCouldEndTextOrAnAttribute() {
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", Html.escape("a&b<c>d\"e'f"));
        assertEquals("plain", Html.escape("plain"));
        assertEquals("&lt;b&gt;\"'", Html.text(new StringBuilder(), "<b>\"'").toString());
    }

    @Test
    void theWidgetsOwnFeedLinkCarriesTheThreadKeyEncoded() {
        var page = new CommentService.ThreadPage(Optional.empty(), List.of(), 0, false, 0);
        var d = new Discussion("a&b \"<x>/ü", page, CommentService.Sort.OLDEST, 0, c -> true, 15, "https://comments.example/api", TOKEN, null,
                null, FormInput.empty(), Instant.now());
        var doc = Jsoup.parseBodyFragment(DiscussionRenderer.of(Locale.GERMAN).discussion(new StringBuilder(), d).toString());

        assertEquals("https://comments.example/api/discussion/feed?thread=a%26b+%22%3Cx%3E%2F%C3%BC&lang=de",
                doc.selectFirst(".hc-feed a").attr("href"));
    }

    @Test
    void whatReadersWroteTakesItsOwnDirectionNameBodyAndTheFieldsTheyTypeIn() {
        var arabic = comment("ليلى", null, 1);
        var first = comment("Ana", arabic, 1);
        var answer = comment("Ben", first, 1);
        var doc = render(discussion(List.of(arabic), List.of(first, answer), Set.of(), FormInput.empty()));

        var article = doc.getElementById("comment-" + arabic.getId());
        assertEquals("auto", article.selectFirst(".hc-author").attr("dir"));
        assertEquals("auto", article.selectFirst(".hc-body").attr("dir"));
        assertEquals("auto", doc.selectFirst("#comment-" + answer.getId() + " .hc-in-reply-to a").attr("dir"));
        var form = doc.selectFirst("form.hc-form");
        for (var name : List.of("hc-name", "hc-email", "hc-website", "hc-body")) {
            assertEquals("auto", form.selectFirst("[name=" + name + "]").attr("dir"), name);
        }
        assertEquals("auto", doc.selectFirst(".hc-follow-form input[type=email]").attr("dir"));
        assertEquals("ltr", doc.selectFirst("section.hc-comments").attr("dir"), "the widget's own texts keep the page's direction");

        var preview = FormInput.of(new HashMap<>(Map.of(FormInput.BODY, "مرحبا"))).preview("<p>مرحبا</p>");
        var previewed = render(discussion(List.of(), List.of(), Set.of(), preview));
        assertEquals("auto", previewed.selectFirst(".hc-preview .hc-preview-body").attr("dir"));
    }

    @Test
    void theCountAfterAChangeIsTheHeadingInTheReadersLanguageHidden() {
        var count = Jsoup.parseBodyFragment(RENDERER.count(new StringBuilder(), 3).toString()).selectFirst("p.hc-count");
        assertEquals("3 comments", count.text());
        assertTrue(count.hasAttr("hidden"), "for the script, never shown as it stands");
        assertEquals("1 Kommentar", Jsoup.parseBodyFragment(DiscussionRenderer.of(Locale.GERMAN).count(new StringBuilder(), 1).toString()).text());
        assertEquals(render(discussion(List.of(), List.of(), Set.of(), FormInput.empty())).selectFirst("h2").text(),
                Jsoup.parseBodyFragment(RENDERER.count(new StringBuilder(), 0).toString()).text(), "the heading's own words");
    }
}

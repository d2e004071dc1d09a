package org.hearth.comments.comment;

import static org.hearth.comments.comment.Comments.comment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.hearth.comments.host.CommentStatus;

class CommentTreeTest {

    @Test
    void repliesNestOneLevelDeeperThanTheirParent() {
        var top = comment("Ann", null, 5);
        var reply = comment("Ben", top, 5);
        var replyToReply = comment("Cat", reply, 5);
        assertEquals(0, top.getDepth());
        assertEquals(1, reply.getDepth());
        assertEquals(2, replyToReply.getDepth());
        assertEquals(top.getId(), replyToReply.getRootId());
        assertNull(replyToReply.getReplyToName());
    }

    @Test
    void replyToReplyBeyondMaxDepthAttachesAtMaxDepthAndSaysWhomItAnswers() {
        var chain = new ArrayList<Comment>();
        chain.add(comment("Level0", null, 3));
        for (int depth = 1; depth <= 3; depth++) {
            chain.add(comment("Level" + depth, chain.getLast(), 3));
        }
        var deepest = chain.getLast();
        var beyond = comment("Eve", deepest, 3);

        assertEquals(3, beyond.getDepth());
        assertEquals(deepest.getParentId(), beyond.getParentId(), "sits beside the comment it answers");
        assertEquals(deepest.getId(), beyond.getReplyToId());
        assertEquals("Level3", beyond.getReplyToName());
        assertEquals(chain.getFirst().getId(), beyond.getRootId());
    }

    @Test
    void treeNestsRepliesUnderTheirParentsOldestFirst() {
        var top = comment("Ann", null, 5);
        var first = comment("Ben", top, 5);
        var second = comment("Cat", top, 5);
        var nested = comment("Dan", first, 5);

        var tree = CommentTree.build(List.of(top), List.of(nested, second, first), Set.of());

        assertEquals(1, tree.size());
        var replies = tree.getFirst().replies();
        assertEquals(List.of("Ben", "Cat"), replies.stream().map(n -> n.comment().getAuthorName()).toList());
        assertEquals("Dan", replies.getFirst().replies().getFirst().comment().getAuthorName());
    }

    @Test
    void pendingCommentsShowOnlyToTheirAuthor() {
        var top = comment("Ann", null, 5);
        var pending = comment("Ben", top, 5, CommentStatus.PENDING);

        assertTrue(CommentTree.build(List.of(top), List.of(pending), Set.of()).getFirst().replies().isEmpty());
        var own = CommentTree.build(List.of(top), List.of(pending), Set.of(pending.getId())).getFirst().replies().getFirst();
        assertTrue(own.own() && own.pending());
    }

    @Test
    void deletedCommentWithRepliesLeavesAPlaceholderAndWithoutRepliesDisappears() {
        var removed = comment("Ann", null, 5, CommentStatus.DELETED);
        var reply = comment("Ben", removed, 5);
        var lonely = comment("Cat", null, 5, CommentStatus.DELETED);

        var tree = CommentTree.build(List.of(removed, lonely), List.of(reply), Set.of());

        assertEquals(1, tree.size());
        assertTrue(tree.getFirst().removed());
        assertEquals("Ben", tree.getFirst().replies().getFirst().comment().getAuthorName());
    }

    @Test
    void spamIsHiddenWithEverythingBelowIt() {
        var spam = comment("Spammer", null, 5, CommentStatus.SPAM);
        var reply = comment("Ben", spam, 5);
        assertTrue(CommentTree.build(List.of(spam), List.of(reply), Set.of()).isEmpty());
    }

    @Test
    void replyInAnotherThreadIsRefused() {
        var top = comment("Ann", null, 5);
        var error = assertThrows(IllegalArgumentException.class,
                () -> new Comment(2L, top, 5, CommentAuthor.guest("Ben", null, null), CommentBody.of("Hi"), "c", CommentStatus.APPROVED));
        assertEquals("The comment answered belongs to another thread", error.getMessage());
    }
}

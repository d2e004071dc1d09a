package org.hearth.comments.host;

import org.hearth.comments.comment.Ban;
import org.hearth.comments.comment.Comment;
import org.hearth.comments.thread.CommentThread;

/** The read-only records this package hands to hosts, made from the widget's entities (which never leave it). */
final class Views {

    private Views() {
    }

    /** The comment as the team sees it, or null for null. */
    static ModeratedComment moderated(Comment comment) {
        return comment == null ? null : new ModeratedComment(comment.getId(), comment.getAuthorName(), comment.getEmailHash() != null,
                comment.getMarkdown(), comment.getHtml(), comment.getStatus(), comment.getCreatedAt());
    }

    /** The thread as lists show it, or null for null. */
    static ThreadSummary summary(CommentThread thread) {
        return thread == null ? null : new ThreadSummary(thread.getKey(), thread.getTitle(), thread.getUrl());
    }

    static BanRecord ban(Ban ban) {
        return new BanRecord(ban.getId(), ban.getAuthorName(), ban.getExcerpt(), ban.getScope(), ban.getReason(), ban.getBannedBy(),
                ban.getCreatedAt(), ban.getExpiresAt(), ban.getLiftedAt(), ban.getLiftedBy());
    }
}

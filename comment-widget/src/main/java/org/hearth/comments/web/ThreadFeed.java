package org.hearth.comments.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import org.hearth.comments.comment.Comment;
import org.hearth.comments.host.DiscussionIds;
import org.hearth.comments.render.Messages;
import org.hearth.comments.thread.CommentThread;

/** A thread's comments as an Atom 1.0 document, written by ROME (which escapes every text and the HTML of the bodies). */
final class ThreadFeed {

    private ThreadFeed() {
    }

    /**
     * @param newest the approved comments to list, newest first
     * @param self   the feed's own address
     */
    static String atom(CommentThread thread, List<Comment> newest, String self, Messages messages) {
        var page = thread.getUrl();
        var feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setLanguage(messages.locale().toLanguageTag());
        feed.setTitle(messages.get("feed.title", thread.getTitle()));
        feed.setLink(page);
        feed.setUri(page + "#" + DiscussionIds.section(thread.getKey()));
        feed.setPublishedDate(Date.from(newest.isEmpty() ? thread.getCreatedAt() : newest.getFirst().getCreatedAt()));
        feed.setLinks(List.of(link("alternate", page, "text/html"), link("self", self, "application/atom+xml")));
        feed.setEntries(newest.stream().map(c -> entry(page, c, messages)).toList());
        var out = new StringWriter(2048 + newest.size() * 1024);
        try {
            new SyndFeedOutput().output(feed, out);
        } catch (FeedException | IOException e) {
            throw new UncheckedIOException(new IOException("The thread's feed could not be written", e));
        }
        return out.toString();
    }

    private static SyndLink link(String rel, String href, String type) {
        var link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndEntry entry(String page, Comment c, Messages messages) {
        var entry = new SyndEntryImpl();
        var link = page + "#comment-" + c.getId();
        entry.setTitle(messages.get("feed.entry.title", c.getAuthorName()));
        entry.setLink(link);
        entry.setUri(link);
        entry.setPublishedDate(Date.from(c.getCreatedAt()));
        entry.setUpdatedDate(Date.from(c.getEditedAt() == null ? c.getCreatedAt() : c.getEditedAt()));
        var author = new SyndPersonImpl();
        author.setName(c.getAuthorName());
        entry.setAuthors(List.of(author));
        var content = new SyndContentImpl();
        content.setType("text/html");
        content.setValue(c.getHtml());
        entry.setContents(List.of(content));
        return entry;
    }
}

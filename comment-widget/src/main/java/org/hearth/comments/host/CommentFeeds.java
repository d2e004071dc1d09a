package org.hearth.comments.host;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
import org.hearth.comments.comment.CommentService;
import org.hearth.comments.render.Messages;
import org.hearth.comments.thread.CommentThreadService;

/**
 * A thread's comment feed: its {@value #ENTRIES} newest approved comments as an Atom 1.0 document, written by ROME
 * (every text escaped, the bodies as their sanitized HTML); never pending, spam or deleted comments, nor e-mail
 * addresses. The widget serves it at {@code /api/discussion/feed?thread=KEY}; a host may serve it at an address of its
 * own, with validators of its own.
 *
 * <pre>{@code
 * @Inject CommentFeeds feeds;
 * feeds.atom("post-1", "https://blog.example/posts/1", "https://blog.example/feeds/comments/1.atom", Locale.GERMAN)
 *      .ifPresentOrElse(atom -> ..., () -> response.sendError(404));
 * feeds.atom("post-1", "My first post", publishedAt, "https://blog.example/posts/1", "https://blog.example/feeds/comments/1.atom", Locale.GERMAN);
 * }</pre>
 */
@ApplicationScoped
public class CommentFeeds {

    /** How many comments a feed holds: the newest approved ones. */
    public static final int ENTRIES = 50;

    @Inject
    private CommentThreadService threads;

    @Inject
    private CommentService comments;

    /**
     * The feed of the thread with this key (two statements: the thread, its comments), or empty when no host
     * registered it.
     *
     * @param page   the page that shows the discussion (its comments' links lead to {@code page#comment-{id}}), or null
     *               for the address the thread was registered with
     * @param self   the feed's own address
     * @param locale the language of the feed's titles (the nearest of the widget's)
     */
    public Optional<String> atom(String threadKey, String page, String self, Locale locale) {
        return threads.find(threadKey).map(thread -> atom(thread.getKey(), thread.getTitle(), thread.getCreatedAt(),
                comments.newestApproved(thread, ENTRIES), page == null ? thread.getUrl() : page, self, Messages.of(locale)));
    }

    /**
     * The feed of the thread with this key as a host that knows the page names it, whether anyone commented yet or not
     * (empty until someone does).
     *
     * @param title the page's title (the feed is titled "Comments on “title”")
     * @param since when the page appeared (the feed's date while it holds no comment)
     */
    public String atom(String threadKey, String title, Instant since, String page, String self, Locale locale) {
        var newest = threads.find(threadKey).map(thread -> comments.newestApproved(thread, ENTRIES)).orElse(List.of());
        return atom(threadKey, title, since, newest, page, self, Messages.of(locale));
    }

    static String atom(String threadKey, String title, Instant since, List<Comment> newest, String page, String self, Messages messages) {
        var feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setLanguage(messages.locale().toLanguageTag());
        feed.setTitle(messages.get("feed.title", title));
        feed.setLink(page);
        feed.setUri(page + "#" + DiscussionIds.section(threadKey));
        feed.setPublishedDate(Date.from(newest.isEmpty() ? since : newest.getFirst().getCreatedAt()));
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

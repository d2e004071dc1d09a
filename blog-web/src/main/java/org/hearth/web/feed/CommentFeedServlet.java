package org.hearth.web.feed;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;
import org.hearth.comments.host.PageHints;
import org.hearth.comments.host.RecentComments;
import org.hearth.web.cache.PageVersions;
import org.hearth.web.language.ReaderLanguages;
import org.hearth.web.cache.Validators;
import org.hearth.web.post.PostPermalinks;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * {@code /feeds/comments/{slug}.atom}: the newest approved comments of a post readers see ({@value #ENTRIES} at most),
 * as Atom 1.0 made with ROME. Pending, spam and deleted comments never appear; e-mail addresses never do. A post the
 * readers cannot see is a 404. Answers conditional GETs: a new, edited or moderated comment changes the tag.
 */
@WebServlet(name = "CommentFeeds", urlPatterns = "/feeds/comments/*")
public class CommentFeedServlet extends HttpServlet {

    static final int ENTRIES = 50;

    private static final long serialVersionUID = 1L;
    private static final Pattern ADDRESS = Pattern.compile("/(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\\.atom");

    @Inject
    private transient PostService posts;

    @Inject
    private transient ReaderLanguages languages;

    @Inject
    private transient RecentComments comments;

    @Inject
    private transient PageVersions versions;

    @Inject
    private transient PageHints hints;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var matcher = ADDRESS.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        var post = matcher.matches() ? posts.findVisible(matcher.group("slug")) : Optional.<Post>empty();
        if (post.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var path = PostPermalinks.path(post.get());
        var discussion = hints.revision(PostPermalinks.threadKey(post.get()));
        var version = versions.of(path, "comments-" + post.get().getId() + "-r" + discussion.number() + "-" + languages.of(request).toLanguageTag(),
                post.get().getUpdatedAt(), discussion.changedAt());
        response.setHeader("Cache-Control", "public, max-age=300");
        if (Validators.answeredNotModified(request, response, version)) {
            return;
        }
        var site = SiteAddress.of(request);
        var permalink = site + path;
        var messages = ResourceBundle.getBundle(ReaderLanguages.BUNDLE, languages.of(request));
        var newest = comments.newestApproved(PostPermalinks.threadKey(post.get()), ENTRIES);

        var feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setLanguage(Locale.ENGLISH.toLanguageTag());
        feed.setTitle(MessageFormat.format(messages.getString("feed.comments.title"), post.get().getTitle()));
        feed.setDescription(messages.getString("site.tagline"));
        feed.setLink(permalink);
        feed.setUri(permalink + "#hc-comments");
        feed.setPublishedDate(Date.from(newest.isEmpty() ? post.get().getPublishedAt() : newest.getFirst().createdAt()));
        feed.setLinks(FeedServlet.links(permalink, site + "/feeds/comments" + request.getPathInfo(), "application/atom+xml"));
        feed.setEntries(newest.stream().map(comment -> entry(permalink, comment, messages)).toList());

        response.setContentType("application/atom+xml;charset=UTF-8");
        try {
            new SyndFeedOutput().output(feed, response.getWriter());
        } catch (FeedException e) {
            throw new IOException("The comment feed could not be written", e);
        }
    }

    private static SyndEntry entry(String permalink, RecentComments.PublishedComment comment, ResourceBundle messages) {
        var entry = new SyndEntryImpl();
        var link = permalink + "#comment-" + comment.id();
        entry.setTitle(MessageFormat.format(messages.getString("feed.comment.title"), comment.authorName()));
        entry.setLink(link);
        entry.setUri(link);
        entry.setPublishedDate(Date.from(comment.createdAt()));
        Instant updated = comment.editedAt() == null ? comment.createdAt() : comment.editedAt();
        entry.setUpdatedDate(Date.from(updated));
        var author = new SyndPersonImpl();
        author.setName(comment.authorName());
        entry.setAuthors(List.of(author));
        var content = new SyndContentImpl();
        content.setType("text/html");
        content.setValue(comment.html());
        entry.setContents(List.of(content));
        return entry;
    }
}

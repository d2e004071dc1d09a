package org.hearth.web.feed;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostFilter;
import org.hearth.blog.post.PostService;
import org.hearth.web.cache.PageVersions;
import org.hearth.web.language.ReaderLanguages;
import org.hearth.web.cache.Validators;
import org.hearth.web.post.PostPermalinks;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * The feeds of the posts readers see, newest first ({@value #ENTRIES} entries), made with ROME:
 * <ul>
 * <li>{@code /feeds/posts.atom} and {@code /feeds/posts.rss}: all posts (Atom 1.0, RSS 2.0);</li>
 * <li>{@code /feeds/tags/{tag}.atom} and {@code /feeds/tags/{tag}.rss}: the posts under a tag (404 for a tag without
 * posts).</li>
 * </ul>
 * Each answers conditional GETs ({@link Validators}). Pages link to them with {@code <link rel="alternate">}.
 */
@WebServlet(name = "Feeds", urlPatterns = "/feeds/*")
public class FeedServlet extends HttpServlet {

    static final int ENTRIES = 20;

    private static final long serialVersionUID = 1L;
    private static final Pattern ADDRESS = Pattern.compile("/(?:posts|tags/(?<tag>[a-z0-9]+(?:-[a-z0-9]+)*))\\.(?<format>atom|rss)");

    @Inject
    private transient PostService posts;

    @Inject
    private transient ReaderLanguages languages;

    @Inject
    private transient PageVersions versions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var matcher = ADDRESS.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!matcher.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var tag = matcher.group("tag");
        boolean atom = matcher.group("format").equals("atom");
        var stamp = posts.visibleStamp();
        var listing = posts.listVisible(tag == null ? PostFilter.all() : PostFilter.tagged(tag), 1, ENTRIES);
        if (tag != null && listing.total() == 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "public, max-age=300");
        var version = versions.of("/feeds" + request.getPathInfo(), "feed-" + stamp.posts() + "-" + stamp.lastChange().toEpochMilli()
                + "-" + languages.of(request).toLanguageTag(), stamp.lastChange());
        if (Validators.answeredNotModified(request, response, version)) {
            return;
        }
        var site = SiteAddress.of(request);
        var messages = ResourceBundle.getBundle(ReaderLanguages.BUNDLE, languages.of(request));
        var feed = new SyndFeedImpl();
        feed.setFeedType(atom ? "atom_1.0" : "rss_2.0");
        feed.setLanguage(Locale.ENGLISH.toLanguageTag());
        var pageAddress = tag == null ? site + "/" : site + "/tags/" + tag;
        feed.setTitle(tag == null ? messages.getString("site.name")
                : MessageFormat.format(messages.getString("feed.tag.title"), messages.getString("site.name"), tag));
        feed.setDescription(messages.getString("site.tagline"));
        feed.setLink(pageAddress);
        feed.setUri(pageAddress);
        feed.setPublishedDate(Date.from(stamp.lastChange()));
        feed.setLinks(links(pageAddress, site + "/feeds" + request.getPathInfo(), atom ? "application/atom+xml" : "application/rss+xml"));
        feed.setEntries(listing.posts().stream().map(post -> entry(site, post)).toList());

        response.setContentType((atom ? "application/atom+xml" : "application/rss+xml") + ";charset=UTF-8");
        try {
            new SyndFeedOutput().output(feed, response.getWriter());
        } catch (FeedException e) {
            throw new IOException("The feed could not be written", e);
        }
    }

    private static SyndEntry entry(String site, Post post) {
        var entry = new SyndEntryImpl();
        var permalink = site + PostPermalinks.path(post);
        entry.setTitle(post.getTitle());
        entry.setLink(permalink);
        entry.setUri(permalink);
        entry.setPublishedDate(Date.from(post.getPublishedAt()));
        entry.setUpdatedDate(Date.from(post.getUpdatedAt()));
        var author = new SyndPersonImpl();
        author.setName(post.getAuthor().getDisplayName());
        entry.setAuthors(List.of(author));
        var categories = new ArrayList<com.rometools.rome.feed.synd.SyndCategory>();
        for (var tag : post.getTags()) {
            var category = new SyndCategoryImpl();
            category.setName(tag);
            categories.add(category);
        }
        entry.setCategories(categories);
        var summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(post.getExcerpt());
        entry.setDescription(summary);
        var content = new SyndContentImpl();
        content.setType("text/html");
        content.setValue(post.getHtml());
        entry.setContents(List.of(content));
        return entry;
    }

    /** A feed's links: the page it follows ({@code alternate}) and its own address ({@code self}). */
    static List<SyndLink> links(String page, String self, String selfType) {
        return List.of(link("alternate", page, "text/html"), link("self", self, selfType));
    }

    private static SyndLink link(String rel, String href, String type) {
        var link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}

package org.hearth.web.transfer;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.transaction.Transactional;

import org.hearth.blog.author.Author;
import org.hearth.blog.author.AuthorService;
import org.hearth.blog.post.BodyFormat;
import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;
import org.hearth.blog.post.PostStatus;
import org.hearth.blog.team.TeamService;
import org.hearth.comments.host.Badge;
import org.hearth.comments.host.CommentStatus;
import org.hearth.comments.host.CommentExport;
import org.hearth.comments.host.ExportedComment;
import org.hearth.web.post.PostPermalinks;

/**
 * Writes everything the site holds, so leaving Hearth is as easy as arriving:
 * <ul>
 * <li>{@link #wordPress}: a WordPress export (WXR 1.2) of all posts (drafts, scheduled and private ones too), their
 * tags, their authors and their comments with threading, status and badges (a badged reply names its author's
 * WordPress user), which WordPress's importer (Tools → Import → WordPress) and Hearth's own read;</li>
 * <li>{@link #embedThreads}: the comments of the widget's threads that belong to no post (pages that embed the widget),
 * as JSON.</li>
 * </ul>
 * Both stream as they read: memory stays flat whatever the site's size.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WordPressExport {

    private static final String WP = "http://wordpress.org/export/1.2/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RSS_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    private PostService posts;

    @Inject
    private AuthorService authors;

    @Inject
    private TeamService team;

    @Inject
    private CommentExport comments;

    /** Writes the WXR file of the site at {@code siteBase}. */
    public void wordPress(OutputStream out, String siteBase, String siteTitle) throws XMLStreamException {
        var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
        xml.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
        xml.writeNamespace("wfw", "http://wellformedweb.org/CommentAPI/");
        xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
        xml.writeNamespace("wp", WP);
        xml.writeStartElement("channel");
        xml.writeCharacters("\n");
        text(xml, null, "title", siteTitle);
        text(xml, null, "link", siteBase);
        text(xml, null, "description", "");
        text(xml, null, "language", "en");
        text(xml, WP, "wxr_version", "1.2");
        text(xml, WP, "base_site_url", siteBase);
        text(xml, WP, "base_blog_url", siteBase);
        var logins = new HashMap<Long, String>();
        for (var author : authors.findAll()) {
            var login = team.findByAuthor(author.getId()).map(u -> u.getUsername()).orElse(author.getSlug());
            logins.put(author.getId(), login);
            xml.writeStartElement("wp", "author", WP);
            text(xml, WP, "author_id", author.getId().toString());
            text(xml, WP, "author_login", login);
            text(xml, WP, "author_email", team.findByAuthor(author.getId()).map(u -> u.getEmail() == null ? "" : u.getEmail()).orElse(""));
            text(xml, WP, "author_display_name", author.getDisplayName());
            text(xml, WP, "author_first_name", "");
            text(xml, WP, "author_last_name", "");
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        var names = new HashMap<String, Long>();
        authors.findAll().forEach(a -> names.put(a.getDisplayName(), a.getId()));
        var tags = new java.util.TreeSet<String>();
        posts.findAllNewestFirst().forEach(p -> tags.addAll(p.getTags()));
        var termId = 1;
        for (var tag : tags) {
            xml.writeStartElement("wp", "tag", WP);
            text(xml, WP, "term_id", Integer.toString(termId++));
            text(xml, WP, "tag_slug", tag);
            text(xml, WP, "tag_name", tag);
            xml.writeEndElement();
        }
        for (var post : posts.findAllNewestFirst()) {
            item(xml, post, siteBase, logins, names);
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }

    private void item(XMLStreamWriter xml, Post post, String siteBase, Map<Long, String> logins, Map<String, Long> names)
            throws XMLStreamException {
        var link = siteBase + PostPermalinks.path(post);
        var date = post.getPublishedAt() != null ? post.getPublishedAt() : post.getCreatedAt();
        xml.writeStartElement("item");
        text(xml, null, "title", post.getTitle());
        text(xml, null, "link", link);
        text(xml, null, "pubDate", RSS_DATE.format(date));
        text(xml, "http://purl.org/dc/elements/1.1/", "creator", logins.get(post.getAuthor().getId()));
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters(siteBase + "/?p=" + post.getId());
        xml.writeEndElement();
        text(xml, null, "description", "");
        text(xml, "http://purl.org/rss/1.0/modules/content/", "encoded",
                post.getFormat() == BodyFormat.WORDPRESS_HTML ? post.getMarkdown() : post.getHtml());
        text(xml, "http://wordpress.org/export/1.2/excerpt/", "encoded", post.getExcerpt());
        text(xml, WP, "post_id", post.getId().toString());
        text(xml, WP, "post_date", WP_DATE.format(date));
        text(xml, WP, "post_date_gmt", post.getStatus() == PostStatus.DRAFT ? "0000-00-00 00:00:00" : WP_DATE.format(date));
        text(xml, WP, "post_modified", WP_DATE.format(post.getUpdatedAt()));
        text(xml, WP, "post_modified_gmt", WP_DATE.format(post.getUpdatedAt()));
        text(xml, WP, "comment_status", "open");
        text(xml, WP, "ping_status", "closed");
        text(xml, WP, "post_name", post.getSlug());
        text(xml, WP, "status", switch (post.getStatus()) {
            case DRAFT -> "draft";
            case PRIVATE -> "private";
            case PUBLISHED -> post.getPublishedAt().isAfter(Instant.now()) ? "future" : "publish";
        });
        text(xml, WP, "post_parent", "0");
        text(xml, WP, "menu_order", "0");
        text(xml, WP, "post_type", "post");
        text(xml, WP, "post_password", "");
        text(xml, WP, "is_sticky", "0");
        for (var tag : post.getTags()) {
            xml.writeStartElement("category");
            xml.writeAttribute("domain", "post_tag");
            xml.writeAttribute("nicename", tag);
            xml.writeCData(tag);
            xml.writeEndElement();
        }
        XMLStreamException[] failure = {null};
        comments.comments(PostPermalinks.threadKey(post), comment -> {
            try {
                comment(xml, comment, post, names);
            } catch (XMLStreamException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void comment(XMLStreamWriter xml, ExportedComment comment, Post post, Map<String, Long> names) throws XMLStreamException {
        xml.writeStartElement("wp", "comment", WP);
        text(xml, WP, "comment_id", Long.toString(comment.id()));
        text(xml, WP, "comment_author", comment.name());
        text(xml, WP, "comment_author_email", comment.email() == null ? "" : comment.email());
        text(xml, WP, "comment_author_url", comment.website() == null ? "" : comment.website());
        text(xml, WP, "comment_author_IP", "");
        text(xml, WP, "comment_date", WP_DATE.format(comment.createdAt()));
        text(xml, WP, "comment_date_gmt", WP_DATE.format(comment.createdAt()));
        text(xml, WP, "comment_content", comment.html());
        text(xml, WP, "comment_approved", switch (comment.status()) {
            case APPROVED -> "1";
            case PENDING -> "0";
            case SPAM -> "spam";
            case DELETED -> "trash";
        });
        text(xml, WP, "comment_type", "comment");
        var answered = comment.answersId();
        text(xml, WP, "comment_parent", answered == null ? "0" : answered.toString());
        Long user = null;
        if (comment.badge() == Badge.AUTHOR) {
            user = post.getAuthor().getId();
        } else if (comment.badge() == Badge.TEAM) {
            user = names.get(comment.name());
        }
        text(xml, WP, "comment_user_id", user == null ? "0" : user.toString());
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** Writes the comments of the threads that belong to no post, as JSON. */
    public void embedThreads(OutputStream out) {
        try (JsonGenerator json = Json.createGenerator(out)) {
            json.writeStartObject().writeStartArray("threads");
            for (var thread : comments.threads()) {
                if (PostPermalinks.postId(thread.key()).isPresent()) {
                    continue;
                }
                json.writeStartObject().write("key", thread.key()).write("title", thread.title()).write("url", thread.url())
                        .write("createdAt", thread.createdAt().toString()).writeStartArray("comments");
                comments.comments(thread.key(), comment -> {
                    json.writeStartObject().write("id", comment.id());
                    nullable(json, "parentId", comment.answersId());
                    json.write("status", comment.status().apiName()).write("createdAt", comment.createdAt().toString())
                            .write("name", comment.name());
                    nullable(json, "email", comment.email());
                    nullable(json, "website", comment.website());
                    nullable(json, "badge", comment.badge() == null ? null : comment.badge().label());
                    json.write("markdown", comment.markdown()).write("html", comment.html()).writeEnd();
                });
                json.writeEnd().writeEnd();
            }
            json.writeEnd().writeEnd();
        }
    }

    private static void nullable(JsonGenerator json, String name, Object value) {
        if (value == null) {
            json.writeNull(name);
        } else if (value instanceof Long number) {
            json.write(name, number);
        } else {
            json.write(name, value.toString());
        }
    }

    private static void text(XMLStreamWriter xml, String namespace, String name, String value) throws XMLStreamException {
        if (namespace == null) {
            xml.writeStartElement(name);
        } else {
            xml.writeStartElement(namespace, name);
        }
        if (value != null && !value.isEmpty()) {
            if (value.contains("]]>")) {
                xml.writeCharacters(value);
            } else {
                xml.writeCData(value);
            }
        }
        xml.writeEndElement();
    }
}

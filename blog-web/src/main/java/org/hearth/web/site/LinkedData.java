package org.hearth.web.site;

import java.io.StringWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

import org.hearth.blog.post.Post;
import org.hearth.web.format.Dates;

/**
 * Schema.org descriptions of pages as JSON-LD, for {@code <script type="application/ld+json">}: a {@code BlogPosting}
 * per post and the {@code WebSite} on the home page. The JSON is safe to place inside the script element.
 */
@Named
@ApplicationScoped
public class LinkedData {

    /** Looked up once: {@code JSON.createObjectBuilder()} and its kind look the provider up at every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    private SiteUrls urls;

    @Inject
    private Dates dates;

    public String blogPosting(Post post, String siteName) {
        var author = post.getAuthor();
        return write(JSON.createObjectBuilder()
                .add("@context", "https://schema.org")
                .add("@type", "BlogPosting")
                .add("mainEntityOfPage", urls.post(post))
                .add("url", urls.post(post))
                .add("headline", post.getTitle())
                .add("description", post.getExcerpt())
                .add("image", urls.getDefaultImage())
                .add("datePublished", dates.iso(post.getPublishedAt()))
                .add("dateModified", dates.iso(post.getUpdatedAt()))
                .add("author", JSON.createObjectBuilder()
                        .add("@type", "Person")
                        .add("name", author.getDisplayName())
                        .add("url", urls.author(author)))
                .add("publisher", JSON.createObjectBuilder()
                        .add("@type", "Organization")
                        .add("name", siteName)
                        .add("url", urls.getHome()))
                .build());
    }

    public String webSite(String siteName, String description) {
        return write(JSON.createObjectBuilder()
                .add("@context", "https://schema.org")
                .add("@type", "WebSite")
                .add("name", siteName)
                .add("description", description)
                .add("url", urls.getHome())
                .build());
    }

    /** JSON with {@code <}, {@code >} and {@code &} escaped, so no text can close the script element early. */
    private static String write(JsonObject json) {
        var out = new StringWriter();
        try (var writer = JSON.createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}

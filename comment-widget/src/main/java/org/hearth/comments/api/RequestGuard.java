package org.hearth.comments.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.render.DiscussionRenderer;
import org.hearth.comments.render.Html;
import org.hearth.comments.security.CrossSiteRequests;

/**
 * Guards the API's state-changing requests before they are read: one sent by a page of another site than this one or
 * an {@linkplain CommentSettings#embedOrigins() embed origin} is refused ({@code 403}, reason {@code cross-site}; a
 * browser's form gets a page saying so), and a
 * body longer than {@value #MAX_BODY_BYTES} bytes is refused with {@code 413} (reason {@code too-large}) when it says
 * so in {@code Content-Length}, or as soon as that many bytes were read when it does not, so that no request can fill
 * the server's memory.
 */
@Provider
@PreMatching
public class RequestGuard implements ContainerRequestFilter {

    /** The largest request body: a comment of 10,000 characters fits even with every character escaped in JSON. */
    public static final int MAX_BODY_BYTES = 128 * 1024;

    @Inject
    private CommentSettings settings;

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!CrossSiteRequests.isUnsafe(context.getMethod())) {
            return;
        }
        if (!CrossSiteRequests.isFromThisSite(request, settings.embedOrigins())) {
            context.abortWith(isBrowserForm(context) ? crossSitePage()
                    : ProblemJson.of(403, "Cross-site request refused",
                    "A page of another site sent this request; nothing was changed.", null, "cross-site").response());
            return;
        }
        if (context.getLength() > MAX_BODY_BYTES) {
            context.abortWith(tooLarge().response());
            return;
        }
        context.setEntityStream(new Limited(context.getEntityStream()));
    }

    /** Whether a browser sent a form and expects a page back (the widget's forms without JavaScript). */
    private static boolean isBrowserForm(ContainerRequestContext context) {
        var accept = context.getHeaderString("Accept");
        return MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(context.getMediaType()) && accept != null && accept.contains("text/html");
    }

    /** The page a reader sees when another site's page sent a form in their name. */
    private Response crossSitePage() {
        var renderer = DiscussionRenderer.of(Locale.ENGLISH);
        var title = renderer.messages().get("refused.cross-site.title");
        var content = new StringBuilder("<h1>");
        Html.text(content, title).append("</h1><p>");
        Html.text(content, renderer.messages().get("refused.cross-site.text")).append("</p>");
        var page = renderer.page(new StringBuilder(1024), title, request.getContextPath() + "/hearth/comments.css", null, content);
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.toString()).build();
    }

    private static ProblemJson tooLarge() {
        return ProblemJson.of(413, "Request too large", "A request to this API may hold at most " + MAX_BODY_BYTES / 1024
                + " KB; a comment holds at most 10,000 characters.", "body", "too-large");
    }

    /** A body that ends the request with 413 once it has given more than {@value #MAX_BODY_BYTES} bytes. */
    private static final class Limited extends FilterInputStream {

        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw new WebApplicationException(tooLarge().response());
            }
        }
    }
}

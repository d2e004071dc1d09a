package org.hearth.comments.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.security.CrossSiteRequests;

/**
 * Guards the API's state-changing requests before they are read: one sent by a page of another site than this one or
 * an {@linkplain CommentSettings#embedOrigins() embed origin} is refused ({@code 403}, reason {@code cross-site}), and a
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
            context.abortWith(ProblemJson.of(403, "Cross-site request refused",
                    "A page of another site sent this request; nothing was changed.", null, "cross-site").response());
            return;
        }
        if (context.getLength() > MAX_BODY_BYTES) {
            context.abortWith(tooLarge().response());
            return;
        }
        context.setEntityStream(new Limited(context.getEntityStream()));
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

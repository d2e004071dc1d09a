package org.hearth.web.site;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.logging.Logger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.hearth.blog.media.ImagePreparation;
import org.hearth.comments.host.CrossSite;
import org.hearth.web.error.RefusedRequests;
import org.hearth.web.transfer.TransferServlet;

/**
 * What every answer of the site carries and every request must respect, ahead of the pages: the security headers (a
 * strict Content-Security-Policy, {@code nosniff}, the referrer policy, no framing by other sites), {@code SameSite=Lax}
 * on every cookie (GlassFish 8.0.0 ignores the attribute in {@code web.xml} for its session cookie), the refusal of
 * state-changing requests sent by another site's page (403), and the size of request bodies (413 before anything is
 * read; 411 for a body of unknown length; exports for {@link TransferServlet} and the post editor's form with an image
 * may be larger than other forms). The comment widget's JSON API ({@code /api/*}) guards its own requests, for
 * pages of the embed origins too.
 */
public class SiteProtection extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SiteProtection.class.getName());

    /** What pages may load and who may frame them: this site only; images also from https (posts may show them). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'self'";

    /** The largest body of a reader's form (a comment of 10,000 characters, percent-encoded, fits several times). */
    public static final long MAX_FORM_BYTES = 256 * 1024;

    /** The largest body of a console form (a post of 200,000 characters, percent-encoded, with its view state). */
    public static final long MAX_CONSOLE_FORM_BYTES = 4 * 1024 * 1024;

    /** The post editor's form, which may carry an image ({@link ImagePreparation#MAX_BYTES}) besides the post. */
    public static final String POST_EDITOR = "/console/posts/edit.xhtml";

    /** The largest body of the post editor's form: a console form and an image. */
    public static final long MAX_EDITOR_FORM_BYTES = MAX_CONSOLE_FORM_BYTES + ImagePreparation.MAX_BYTES;

    /** The widget's JSON API guards its own requests (RequestGuard), for the embed origins too. */
    private static final String API = "/api";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        var path = request.getServletPath();
        if (CrossSite.isUnsafe(request.getMethod()) && !path.equals(API)) {
            if (!CrossSite.isFromThisSite(request)) {
                LOG.info(() -> "Refused a " + request.getMethod() + " of " + request.getRequestURI() + " sent by a page of "
                        + request.getHeader("Origin") + " (Sec-Fetch-Site " + request.getHeader("Sec-Fetch-Site") + ")");
                RefusedRequests.answer(request, response, "cross-site");
                return;
            }
            var limit = maxBodyBytes(path);
            var length = request.getContentLengthLong();
            if (length > limit) {
                refuseBody(request, response, "too-large");
                return;
            }
            if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
                refuseBody(request, response, "length-required");
                return;
            }
        }
        var sameSite = new SameSiteCookies(request, response);
        sameSite.reissueRequestedSession();
        chain.doFilter(request, sameSite);
        sameSite.markSession();
    }

    /**
     * The largest body a request to this servlet path may send: the post editor's form (with an image), a console form,
     * an export for {@link TransferServlet}, or a reader's form.
     */
    public static long maxBodyBytes(String servletPath) {
        return servletPath.equals(POST_EDITOR) ? MAX_EDITOR_FORM_BYTES : servletPath.startsWith("/console/") ? MAX_CONSOLE_FORM_BYTES
                : servletPath.equals(TransferServlet.PATH) ? TransferServlet.MAX_MEGABYTES * 1024L * 1024L + 65_536 : MAX_FORM_BYTES;
    }

    /** Refuses a body without reading it. */
    private static void refuseBody(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException, ServletException {
        LOG.info(() -> "Refused a body of " + request.getContentLengthLong() + " bytes for " + request.getRequestURI() + " (" + reason + ")");
        RefusedRequests.answer(request, response, reason);
    }

    /**
     * A response that gives every cookie {@code SameSite=Lax}: those the application adds, and the container's session
     * cookie, which it writes itself without the attribute. The session cookie is sent again with the attribute on
     * every request that brings one, and whenever the session is new or got a new id, before anything is written.
     */
    static final class SameSiteCookies extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private String markedSessionId;

        SameSiteCookies(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void addCookie(Cookie cookie) {
            if (cookie.getAttribute("SameSite") == null) {
                cookie.setAttribute("SameSite", "Lax");
            }
            super.addCookie(cookie);
        }

        void reissueRequestedSession() {
            if (request.isRequestedSessionIdFromCookie() && request.isRequestedSessionIdValid()) {
                markSession(request.getRequestedSessionId());
            }
        }

        void markSession() {
            var session = request.getSession(false);
            if (session != null && !isCommitted()) {
                markSession(session.getId());
            }
        }

        private void markSession(String id) {
            if (id.equals(markedSessionId)) {
                return;
            }
            markedSessionId = id;
            var config = request.getServletContext().getSessionCookieConfig();
            var name = config.getName() == null ? "JSESSIONID" : config.getName();
            var path = config.getPath() != null ? config.getPath() : request.getContextPath().isEmpty() ? "/" : request.getContextPath();
            addHeader("Set-Cookie", name + "=" + id + "; Path=" + path + "; HttpOnly; SameSite=Lax"
                    + (request.isSecure() || config.isSecure() ? "; Secure" : ""));
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            markSession();
            super.sendRedirect(location);
        }

        @Override
        public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
            markSession();
            super.sendRedirect(location, status, clearBuffer);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            markSession();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            markSession();
            super.sendError(status);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            markSession();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            markSession();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            markSession();
            super.flushBuffer();
        }
    }
}

package org.hearth.web.error;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer to a request refused before any page saw it (sent by another site's page, too large, of unknown length,
 * a form that cannot be restored): a short page for browsers ({@code /WEB-INF/errors/refused.xhtml}, also the error
 * page of a 400), an RFC 9457 problem body for programs.
 */
public final class RefusedRequests {

    private RefusedRequests() {
    }

    /** The request attribute naming why the request was refused (a reason below), for the page. */
    public static final String REASON = "org.hearth.web.refusal";

    /** Why requests are refused, by reason: the status, and the problem's title and detail (in English for programs). */
    private static final Map<String, Refusal> REFUSALS = Map.of(
            "bad-request", new Refusal(400, "Bad request", "The request could not be read."),
            "expired", new Refusal(400, "Form expired", "The form could not be restored; reload the page and send it again."),
            "cross-site", new Refusal(403, "Cross-site request refused", "A page of another site sent this request; nothing was changed."),
            "length-required", new Refusal(411, "Length required", "A request body must state its length."),
            "too-large", new Refusal(413, "Request too large", "The request body is larger than this site accepts."),
            "too-many", new Refusal(429, "Too many requests", "This page was asked for too often; please wait a moment."));

    private record Refusal(int status, String title, String detail) {
    }

    /** Answers a refused request (before anything of it was read) with the page or problem of this reason. */
    public static void answer(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException, ServletException {
        var refusal = REFUSALS.get(reason);
        response.setStatus(refusal.status());
        response.setHeader("Cache-Control", "no-store");
        if (refusal.status() == 411 || refusal.status() == 413) {
            response.setHeader("Connection", "close"); // not worth reading the rest of the body
        }
        var accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html") && !request.getServletPath().equals("/api")) {
            request.setAttribute(REASON, reason);
            request.getRequestDispatcher("/WEB-INF/errors/refused.xhtml").forward(new Unread(request), response);
            return;
        }
        problem(response, reason);
    }

    /** Answers the problem body of this reason (with its status), and sends it at once. */
    public static void problem(HttpServletResponse response, String reason) throws IOException {
        var refusal = REFUSALS.get(reason);
        response.setStatus(refusal.status());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://hearth.example/problems/" + reason + "\",\"title\":\"" + refusal.title()
                + "\",\"status\":" + refusal.status() + ",\"detail\":\"" + refusal.detail() + "\",\"reason\":\"" + reason + "\"}");
        response.flushBuffer();
    }

    /** The refused request as the page sees it: a GET without parameters, so that nothing of its body is read. */
    private static final class Unread extends HttpServletRequestWrapper {

        Unread(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }
    }
}

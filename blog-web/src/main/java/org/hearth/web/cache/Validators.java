package org.hearth.web.cache;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Conditional GET for reader responses (RFC 9110): sets {@code ETag} and {@code Last-Modified}, and tells whether the
 * request's {@code If-None-Match} (or, without it, {@code If-Modified-Since}) shows the reader already has this
 * version, in which case {@link #answeredNotModified} answers {@code 304}.
 */
public final class Validators {

    private Validators() {
    }

    /**
     * Sets the validators of a response and, when the request's copy is current, answers {@code 304 Not Modified} (no
     * body): the caller then writes nothing more.
     *
     * @return whether the response is answered
     */
    public static boolean answeredNotModified(HttpServletRequest request, HttpServletResponse response, PageVersions.Version version) {
        if (isCurrent(request, response, version.tag(), version.lastModified())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /**
     * Sets the validators of a response and tells whether the request's copy is current.
     *
     * @param version      what changes whenever the response would change; becomes a weak {@code ETag}
     * @param lastModified when the response last changed
     */
    static boolean isCurrent(HttpServletRequest request, HttpServletResponse response, String version, Instant lastModified) {
        var etag = "W/\"" + version + "\"";
        var modified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", modified.toEpochMilli());
        var ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip)
                    .anyMatch(candidate -> candidate.equals("*") || weakOpaque(candidate).equals(weakOpaque(etag)));
        }
        try {
            long since = request.getDateHeader("If-Modified-Since");
            return since >= 0 && !modified.isAfter(Instant.ofEpochMilli(since));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String weakOpaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}

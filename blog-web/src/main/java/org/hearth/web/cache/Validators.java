package org.hearth.web.cache;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Conditional GET for reader responses (RFC 9110): sets {@code ETag} and {@code Last-Modified}, and tells whether the
 * request's {@code If-None-Match} (or, without it, {@code If-Modified-Since}) shows the reader already has this
 * version, in which case the caller answers {@code 304} with {@link #notModified}.
 */
public final class Validators {

    private Validators() {
    }

    /**
     * Sets the validators of a response and tells whether the request's copy is current.
     *
     * @param version      what changes whenever the response would change; becomes a weak {@code ETag}
     * @param lastModified when the response last changed
     */
    public static boolean isCurrent(HttpServletRequest request, HttpServletResponse response, String version, Instant lastModified) {
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

    /** Answers {@code 304 Not Modified}: no body, the validators already set. */
    public static void notModified(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
    }

    private static String weakOpaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}

package org.hearth.comments.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.comment.Commenter;

/**
 * Reads what the widget needs to know of a visitor from their request: a keyed fingerprint of their network address
 * (rate limits, bans, smiles), the comments they proved to have written (tokens in the {@value OwnComments#COOKIE}
 * cookie or the {@value OwnComments#HEADER} header), and the signed time a form was shown to them.
 */
@ApplicationScoped
public class Visitors {

    private static final String FORM_PURPOSE = "form-shown";

    @Inject
    private Signatures signatures;

    /** The commenter behind this request. */
    public Commenter commenter(HttpServletRequest request, String formToken, String honeypot) {
        return new Commenter(clientHash(request), ownIds(request), formShownAt(formToken).orElse(null), honeypot);
    }

    /** A keyed fingerprint of the request's network address (or of a benchmark's simulated client, see {@link BenchmarkMode}). */
    public String clientHash(HttpServletRequest request) {
        var address = BenchmarkMode.simulatedClient(request).map(client -> "benchmark:" + client).orElse(request.getRemoteAddr());
        return signatures.signer().fingerprint("client", address);
    }

    /** The comments this request proves its sender wrote. */
    public Set<Long> ownIds(HttpServletRequest request) {
        return OwnComments.ids(signatures.signer(), cookie(request, OwnComments.COOKIE), request.getHeader(OwnComments.HEADER));
    }

    /** The token proving authorship of comment {@code id}. */
    public String ownerToken(long id) {
        return OwnComments.token(signatures.signer(), id);
    }

    /**
     * Remembers in the browser that it wrote comment {@code id}: adds the token to the {@value OwnComments#COOKIE}
     * cookie (HttpOnly, SameSite=Lax, a year) and answers the token.
     */
    public String rememberOwn(HttpServletRequest request, HttpServletResponse response, long id) {
        var token = ownerToken(id);
        var cookie = new Cookie(OwnComments.COOKIE, OwnComments.add(cookie(request, OwnComments.COOKIE), token));
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return token;
    }

    /**
     * The request attribute that holds the form token written into this request's page, if any: a host that keeps
     * rendered pages replaces it by a {@linkplain #formToken() fresh one} for every reader it serves the page to, so
     * the widget's minimum time between showing a form and posting it keeps counting from each reader's own visit.
     */
    public static final String FORM_TOKEN = "org.hearth.comments.formToken";

    /** A signed "form shown now" token for a form's hidden field. */
    public String formToken() {
        return signatures.signer().sign(FORM_PURPOSE, Long.toString(Instant.now().toEpochMilli()));
    }

    /** The form token of this request's page (one per request, remembered as {@value #FORM_TOKEN}). */
    public String formToken(HttpServletRequest request) {
        var token = (String) request.getAttribute(FORM_TOKEN);
        if (token == null) {
            token = formToken();
            request.setAttribute(FORM_TOKEN, token);
        }
        return token;
    }

    private Optional<Instant> formShownAt(String token) {
        return signatures.signer().verify(FORM_PURPOSE, token)
                .filter(v -> v.matches("\\d{1,15}"))
                .map(v -> Instant.ofEpochMilli(Long.parseLong(v)));
    }

    /** The value of a cookie, or null. */
    public static String cookie(HttpServletRequest request, String name) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (var cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }
}

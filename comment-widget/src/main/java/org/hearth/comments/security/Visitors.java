package org.hearth.comments.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
 * (rate limits, bans) and of their browser (smiles), the comments they proved to have written (tokens in the {@value OwnComments#COOKIE}
 * cookie or the {@value OwnComments#HEADER} header), and the signed time a form was shown to them.
 */
@ApplicationScoped
public class Visitors {

    private static final String FORM_PURPOSE = "form-shown";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long a form may stay open before posting it asks for a reload. */
    public static final Duration FORM_LIFETIME = Duration.ofDays(1);

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

    /** The cookie that tells one browser from another (a random name, nothing else: it proves nothing). */
    public static final String BROWSER_COOKIE = "hc_browser";

    /**
     * A keyed fingerprint of the browser behind this request, from its {@value #BROWSER_COOKIE} cookie; a browser
     * without one gets a new random one (HttpOnly, SameSite=Lax, a year).
     */
    public String browserHash(HttpServletRequest request, HttpServletResponse response) {
        var id = cookie(request, BROWSER_COOKIE);
        if (id == null || !id.matches("[A-Za-z0-9_-]{22}")) {
            var random = new byte[16];
            RANDOM.nextBytes(random);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            response.addCookie(readerCookie(request, BROWSER_COOKIE, id));
        }
        return signatures.signer().fingerprint("browser", id);
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
        response.addCookie(readerCookie(request, OwnComments.COOKIE, OwnComments.add(cookie(request, OwnComments.COOKIE), token)));
        return token;
    }

    /** A cookie of the widget for this site's pages: HttpOnly, SameSite=Lax, kept a year. */
    private static Cookie readerCookie(HttpServletRequest request, String name, String value) {
        var cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
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

    /** When the form was shown, from its token; empty for a missing, forged or expired ({@link #FORM_LIFETIME}) one. */
    private Optional<Instant> formShownAt(String token) {
        return signatures.signer().verify(FORM_PURPOSE, token)
                .filter(v -> v.matches("\\d{1,15}"))
                .map(v -> Instant.ofEpochMilli(Long.parseLong(v)))
                .filter(shown -> shown.plus(FORM_LIFETIME).isAfter(Instant.now()));
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

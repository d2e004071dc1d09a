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

import org.hearth.comments.host.Commenter;

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

    /**
     * The commenter behind this request.
     *
     * @param formToken the token of the form they post ({@link #formToken(HttpServletRequest, HttpServletResponse)})
     * @param fromPage  true for a form posted by a page of this site, whose token must be bound to the posting browser
     *                  (an API client may post with an unbound one, {@link #formToken()})
     */
    public Commenter commenter(HttpServletRequest request, String formToken, String honeypot, boolean fromPage) {
        var form = form(formToken, request, fromPage);
        return new Commenter(clientHash(request), ownIds(request), form.map(FormToken::shownAt).orElse(null), honeypot,
                form.map(FormToken::id).orElse(null));
    }

    /** A keyed fingerprint of the request's network address (or of a benchmark's simulated client, see {@link BenchmarkMode}). */
    public String clientHash(HttpServletRequest request) {
        return clientHash(BenchmarkMode.simulatedClient(request).map(client -> "benchmark:" + client).orElse(request.getRemoteAddr()));
    }

    /** The keyed fingerprint comments keep of this network address (as the server saw it, such as {@code 203.0.113.7}). */
    public String clientHash(String address) {
        return signatures.signer().fingerprint("client", address);
    }

    /** The cookie that tells one browser from another (a random name, nothing else: it proves nothing). */
    public static final String BROWSER_COOKIE = "hc_browser";

    /**
     * A keyed fingerprint of the browser behind this request, from its {@value #BROWSER_COOKIE} cookie; a browser
     * without one gets a new random one (HttpOnly, SameSite=Lax, a year).
     */
    public String browserHash(HttpServletRequest request, HttpServletResponse response) {
        return signatures.signer().fingerprint("browser", randomCookie(request, response, BROWSER_COOKIE, Duration.ofDays(365)));
    }

    /**
     * The cookie that binds a form token to the browser it was shown in: a random value, kept until the browser
     * closes (HttpOnly, SameSite=Lax), so that a token fetched by someone else is worthless in this browser.
     */
    public static final String FORM_COOKIE = "hc_form";

    /** The random value of this cookie, given a new one (for this long, or the browser's session when null) if missing. */
    private static String randomCookie(HttpServletRequest request, HttpServletResponse response, String name, Duration life) {
        var value = cookie(request, name);
        if (value == null || !value.matches("[A-Za-z0-9_-]{22}")) {
            value = (String) request.getAttribute(name);
        }
        if (value == null) {
            var random = new byte[16];
            RANDOM.nextBytes(random);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            request.setAttribute(name, value);
            response.addCookie(readerCookie(request, name, value, life));
        }
        return value;
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

    /** A cookie of the widget for this site's pages: HttpOnly, SameSite=Lax, kept this long (a year when not said). */
    private static Cookie readerCookie(HttpServletRequest request, String name, String value) {
        return readerCookie(request, name, value, Duration.ofDays(365));
    }

    private static Cookie readerCookie(HttpServletRequest request, String name, String value, Duration life) {
        var cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        if (life != null) {
            cookie.setMaxAge((int) life.toSeconds());
        }
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /**
     * The request attribute that holds the form token written into this request's page, if any: a host that keeps
     * rendered pages replaces it by a {@linkplain #formToken(HttpServletRequest, HttpServletResponse) fresh one} for
     * every reader it serves the page to, so that each reader's form is bound to their own browser and the widget's
     * minimum time between showing a form and posting it counts from each reader's own visit.
     */
    public static final String FORM_TOKEN = "org.hearth.comments.formToken";

    /** What a valid form token says: when the form was shown, and the form's random id (a token serves few comments). */
    private record FormToken(Instant shownAt, String id) {
    }

    /** The binding of a token given to a program rather than to a browser's page. */
    private static final String UNBOUND = "-";

    /**
     * A signed "form shown now" token for a client of the JSON API: bound to its browser when it sends this site's
     * {@value #FORM_COOKIE} cookie (embed.js on this site's pages), else to no browser (embed.js on another site,
     * which cannot use this site's cookies), so that only requests from this site or an allowed embed origin use it.
     */
    public String formToken(HttpServletRequest request) {
        var browser = cookie(request, FORM_COOKIE);
        return formToken(browser == null ? UNBOUND : binding(browser));
    }

    /**
     * The form token of this request's page (one per request, remembered as {@value #FORM_TOKEN}), bound to the
     * browser's {@value #FORM_COOKIE} cookie (given one when it has none, so call this before the response is
     * committed): a token another browser fetched is refused, so a page elsewhere cannot post a form in a visitor's name.
     */
    public String formToken(HttpServletRequest request, HttpServletResponse response) {
        var token = (String) request.getAttribute(FORM_TOKEN);
        if (token == null) {
            token = formToken(binding(randomCookie(request, response, FORM_COOKIE, null)));
            request.setAttribute(FORM_TOKEN, token);
        }
        return token;
    }

    /**
     * Whether this is a valid form token that a page of this site showed to this very browser: signed, not expired
     * ({@link #FORM_LIFETIME}), bound to its {@value #FORM_COOKIE} cookie (the token of a team member's decision).
     */
    public boolean isPageForm(HttpServletRequest request, String token) {
        return form(token, request, true).isPresent();
    }

    private String formToken(String binding) {
        var id = new byte[9];
        RANDOM.nextBytes(id);
        return signatures.signer().sign(FORM_PURPOSE, Instant.now().toEpochMilli() + "~" + Base64.getUrlEncoder().encodeToString(id)
                + "~" + binding);
    }

    /** The valid form behind a token; empty for a missing, forged, expired ({@link #FORM_LIFETIME}) or foreign one. */
    private Optional<FormToken> form(String token, HttpServletRequest request, boolean fromPage) {
        return signatures.signer().verify(FORM_PURPOSE, token)
                .map(v -> v.split("~", -1))
                .filter(v -> v.length == 3 && v[0].matches("\\d{1,15}") && v[1].matches("[A-Za-z0-9_-]{12}"))
                .filter(v -> v[2].equals(UNBOUND) ? !fromPage : v[2].equals(binding(cookie(request, FORM_COOKIE))))
                .map(v -> new FormToken(Instant.ofEpochMilli(Long.parseLong(v[0])), v[1]))
                .filter(form -> form.shownAt().plus(FORM_LIFETIME).isAfter(Instant.now()));
    }

    private String binding(String browserId) {
        return browserId == null ? "none" : signatures.signer().fingerprint("form-binding", browserId).substring(0, 16);
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

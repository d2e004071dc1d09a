package org.hearth.comments.config;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.hearth.comments.host.RefusedOrigins;

/**
 * The site's own address and the origins a thread's page may lie on, never taken on trust from the {@code Host} header
 * a client sent: share links and e-mails built from it would lead readers to whatever host an attacker named.
 * <p>
 * The site's address is {@value CommentSettings#BASE_URL} (default: the system property {@value #BASE_URL_PROPERTY},
 * such as {@code https://blog.example.org}). Without one (a development setup) it is the address the request names
 * only when that names this machine (a loopback name or address, the machine's host name or one of its addresses) on
 * the port the request came in on; any other {@code Host} gets the address the connection came in on instead. A fresh
 * server on {@code localhost} thus works as before, and a forged {@code Host} can only name this machine.
 * <p>
 * Allowed origins: the site's own and {@value CommentSettings#EMBED_ORIGINS}.
 */
@ApplicationScoped
public class SiteOrigins {

    /** The system property that names the site's public address (the host's too), the default of {@value CommentSettings#BASE_URL}. */
    public static final String BASE_URL_PROPERTY = "hearth.base-url";

    private static final Logger LOG = Logger.getLogger(SiteOrigins.class.getName());
    private static final Set<String> MACHINE_NAMES = machineNames();

    @Inject
    private CommentSettings settings;

    /** The site's base address without a trailing slash, such as {@code https://blog.example.org/context}. */
    public String base(HttpServletRequest request) {
        return settings.baseUrl().orElseGet(() -> requestBase(request));
    }

    /** Whether a page at {@code url} may hold a thread: an http(s) URL on the site's own origin or an embed origin. */
    public boolean allows(URI url, HttpServletRequest request) {
        var origin = origin(url);
        return origin.isPresent() && (origin.equals(origin(URI.create(base(request)))) || settings.embedOrigins().contains(origin.get()));
    }

    /**
     * Whether pages of {@code origin} (as a browser's {@code Origin} header names it, such as
     * {@code https://example.org}) may use the widget: the site's own origin or an embed origin. A page of another
     * origin gets no answer its scripts may read (see {@link RefusedOrigins} for what the console learns of it).
     */
    public boolean allowsPagesOf(String origin, HttpServletRequest request) {
        return origin != null && (isSiteOrigin(origin, request) || settings.embedOrigins().contains(origin.toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code origin} is the site's own. */
    public boolean isSiteOrigin(String origin, HttpServletRequest request) {
        return origin != null && origin(URI.create(base(request))).filter(origin.toLowerCase(Locale.ROOT)::equals).isPresent();
    }

    /**
     * The canonical URL of a thread started by a script (JSON API, embed.js): the page's own URL, which must lie on the
     * site's address or an allowed embed origin (share links and the console must never lead elsewhere); without one,
     * the site's address for the key.
     *
     * @return the URL, or empty when {@code given} is not such a page
     */
    public Optional<String> threadUrl(String given, String key, HttpServletRequest request) {
        if (given != null && !given.isBlank()) {
            try {
                var page = URI.create(given.strip());
                return allows(page, request) ? Optional.of(page.toString()) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        var base = base(request);
        return Optional.of(key.startsWith("/") && !key.startsWith("//") ? URI.create(base).resolve(key).toString() : base + "/");
    }

    /**
     * The base address a request came to, when no base URL is configured: its {@code Host} when that names this machine
     * on the port the request came in on, else the address and port the connection came in on.
     */
    public static String requestBase(HttpServletRequest request) {
        var scheme = request.getScheme();
        var named = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        var host = named;
        var port = request.getServerPort();
        if (!isThisMachine(named) || port != request.getLocalPort()) {
            var address = request.getLocalAddr();
            host = address.contains(":") ? "[" + address + "]" : address;
            port = request.getLocalPort();
            LOG.fine(() -> "A request named the host " + named + ", not this machine: its links use " + request.getLocalAddr());
        }
        boolean defaultPort = "http".equals(scheme) && port == 80 || "https".equals(scheme) && port == 443;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }

    /** The origin ({@code scheme://host[:port]}) of an absolute http(s) URL, lower-cased; empty for anything else. */
    public static Optional<String> origin(URI url) {
        var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getRawAuthority() == null || url.getHost() == null
                || url.getRawUserInfo() != null) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + url.getRawAuthority().toLowerCase(Locale.ROOT));
    }

    static boolean isThisMachine(String host) {
        var name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return MACHINE_NAMES.contains(name) || name.matches("127(\\.\\d{1,3}){3}");
    }

    private static Set<String> machineNames() {
        var names = new HashSet<>(Set.of("localhost", "::1", "0:0:0:0:0:0:0:1"));
        try {
            names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
        } catch (UnknownHostException e) {
            LOG.fine("This machine's host name is unknown");
        }
        try {
            NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .map(a -> a instanceof Inet6Address ? a.getHostAddress().replaceFirst("%.*", "") : a.getHostAddress())
                    .forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
        } catch (SocketException e) {
            LOG.fine("This machine's addresses are unknown");
        }
        return Set.copyOf(names);
    }
}

package org.hearth.web.transfer;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.transfer.OldAddress;

/**
 * Answers the addresses a site had before it moved to Hearth ({@code /2024/05/01/hello/}, {@code /?p=42},
 * {@code /archives/42}, {@code /category/news/}, {@code /feed/}...) with a permanent redirect to what stands there now
 * ({@link OldAddressBook}). Hearth's own addresses are never looked up, so an old address can never shadow them.
 */
@WebFilter(filterName = "OldAddresses", urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class OldAddresses extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The first path segments Hearth answers itself. */
    private static final Set<String> HEARTHS = Set.of("posts", "tags", "archive", "authors", "about", "search", "console",
            "api", "feeds", "static", "share", "health", "sitemap.xml", "robots.txt", "transfer", "jakarta.faces.resource",
            "resources", "hearth-comments", "favicon.ico", "WEB-INF", "META-INF");

    @Inject
    private transient OldAddressBook book;

    /** Whether Hearth answers this normalized address itself (then it is never kept as an old one). */
    public static boolean isHearths(String address) {
        if (address.startsWith("/?")) {
            return false;
        }
        var rest = address.substring(1);
        var slash = rest.indexOf('/');
        var first = slash < 0 ? rest : rest.substring(0, slash);
        return HEARTHS.contains(first) || first.endsWith(".xhtml") || first.isEmpty();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            var path = request.getRequestURI().substring(request.getContextPath().length());
            String address;
            try {
                address = OldAddress.normalize(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8), request.getQueryString());
            } catch (IllegalArgumentException e) {
                address = null;
            }
            if (address != null && !isHearths(address)) {
                var target = book.target(address);
                if (target.isPresent()) {
                    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                    response.setHeader("Location", request.getContextPath() + target.get());
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}

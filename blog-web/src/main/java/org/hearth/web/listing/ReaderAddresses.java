package org.hearth.web.listing;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.faces.context.ExternalContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The clean addresses of the listing pages, served like {@code PostPermalinks} serves posts: each address is matched
 * against a fixed table, its named parts become request attributes ({@link #part}), and the request is forwarded to
 * its Faces view. An address under these prefixes that matches no route is a 404.
 * <ul>
 * <li>{@code /tags/{tag}} → {@code tag.xhtml}</li>
 * <li>{@code /archive} → {@code archive.xhtml}; {@code /archive/{yyyy}/{mm}} → {@code month.xhtml}</li>
 * <li>{@code /authors/{author}} → {@code author.xhtml}</li>
 * <li>{@code /about} → {@code about.xhtml}; {@code /search} → {@code search.xhtml}</li>
 * </ul>
 */
@WebFilter(filterName = "ReaderAddresses", urlPatterns = {"/tags/*", "/archive", "/archive/*", "/authors/*", "/about", "/search"},
        dispatcherTypes = DispatcherType.REQUEST)
public class ReaderAddresses extends HttpFilter {

    private static final String ATTRIBUTE_PREFIX = "org.hearth.web.address.";
    private static final String SLUG = "[a-z0-9]+(?:-[a-z0-9]+)*";
    private static final long serialVersionUID = 1L;

    private record Route(Pattern address, String view) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/tags/(?<tag>" + SLUG + ")"), "/tag.xhtml"),
            new Route(Pattern.compile("/archive"), "/archive.xhtml"),
            new Route(Pattern.compile("/archive/(?<year>\\d{4})/(?<month>\\d{2})"), "/month.xhtml"),
            new Route(Pattern.compile("/authors/(?<author>" + SLUG + ")"), "/author.xhtml"),
            new Route(Pattern.compile("/about"), "/about.xhtml"),
            new Route(Pattern.compile("/search"), "/search.xhtml"));

    /** The named part {@code name} of the address being served (such as {@code tag}), or {@code null}. */
    public static String part(ExternalContext context, String name) {
        return (String) context.getRequestMap().get(ATTRIBUTE_PREFIX + name);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        for (var route : ROUTES) {
            var matcher = route.address().matcher(path);
            if (matcher.matches()) {
                matcher.namedGroups().keySet().forEach(name -> request.setAttribute(ATTRIBUTE_PREFIX + name, matcher.group(name)));
                request.getRequestDispatcher(route.view()).forward(request, response);
                return;
            }
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}

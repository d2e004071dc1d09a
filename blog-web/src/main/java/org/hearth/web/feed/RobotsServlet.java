package org.hearth.web.feed;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /robots.txt}: everything may be crawled but search results; it names the sitemap by its absolute address. */
@WebServlet(name = "Robots", urlPatterns = "/robots.txt")
public class RobotsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var site = SiteAddress.of(request);
        var path = request.getContextPath();
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.getWriter().write("""
                User-agent: *
                Disallow: %s/search
                Sitemap: %s/sitemap.xml
                """.formatted(path, site));
    }
}

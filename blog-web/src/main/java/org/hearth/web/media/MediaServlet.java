package org.hearth.web.media;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.blog.media.ImageService;
import org.hearth.blog.media.ImageType;
import org.hearth.blog.media.PostImage;
import org.hearth.web.transfer.TransferServlet;

/**
 * Serves the images uploaded for posts at {@code /media/{sha-256}.{png|jpg|gif|webp}}, from the database, so every
 * instance serves every image. An address names its bytes, which never change: browsers and proxies keep them a year
 * without asking again ({@code immutable}), and an {@code ETag} answers a revalidation with {@code 304}. The image is
 * never sniffed as anything else, and opened on its own it runs nothing ({@code sandbox}). Unknown addresses get a
 * {@code 404} problem body.
 */
@WebServlet(name = "Media", urlPatterns = "/media/*")
public class MediaServlet extends HttpServlet {

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    private static final Pattern ADDRESS = Pattern.compile("/([0-9a-f]{64})\\.(png|jpg|gif|webp)");

    private static final long serialVersionUID = 1L;

    @Inject
    private transient ImageService images;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var address = request.getPathInfo() == null ? null : ADDRESS.matcher(request.getPathInfo());
        var image = address != null && address.matches() ? images.find(address.group(1))
                .filter(found -> found.getType() == ImageType.ofExtension(address.group(2)).orElse(null)) : java.util.Optional.<PostImage>empty();
        if (image.isEmpty()) {
            TransferServlet.problem(response, 404, "not-found", "No such image", "This site has no image at this address.");
            return;
        }
        var etag = "\"" + image.get().getContentHash() + "\"";
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("ETag", etag);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        var ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(image.get().getType().mediaType());
        response.setContentLength(image.get().getByteCount());
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(image.get().getBytes());
        }
    }
}

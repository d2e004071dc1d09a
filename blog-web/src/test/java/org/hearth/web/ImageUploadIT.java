package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.hearth.blog.media.ImagePreparation;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Images for posts through the console's editor (HTTP multipart, as a browser without JavaScript sends it) and at
 * their addresses under {@code /media/}: who may upload, what is refused and how, what is served and with which headers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImageUploadIT {

    private static final String EDITOR = "console/posts/edit.xhtml";
    private static final Pattern MARKDOWN = Pattern.compile("!\\[(.*)]\\((/images-it/media/([0-9a-f]{64})\\.(png|jpg|gif|webp))\\)");

    @Deployment
    static WebArchive deployment() {
        return Deployments.hearthWar("images-it", TeamFixture.class, ConsoleClient.class);
    }

    @ArquillianResource
    private URL base;

    @Test
    void anAuthorUploadsAnImageWhileWritingAndEveryoneGetsItScaledWithLongCacheHeaders() throws Exception {
        var author = signedIn("it-image-author", "AUTHOR");
        var png = picture("png", 3000, 600, Color.ORANGE);
        var answer = upload(author, png, "image.png", "image/png", "An orange [banner]", "Words typed before the upload.");
        assertEquals(200, answer.statusCode());
        var page = ConsoleClient.page(answer);
        assertEquals("Words typed before the upload.", page.selectFirst("textarea[name=editor:markdown]").text(), "nothing typed is lost");
        var markdown = MARKDOWN.matcher(page.selectFirst("#image-markdown").val());
        assertTrue(markdown.matches(), page.selectFirst("#image-markdown").val());
        assertEquals("An orange \\[banner\\]", markdown.group(1), "the alternative text, escaped for Markdown");
        assertEquals("png", markdown.group(4));
        assertTrue(page.selectFirst("#image-note").text().contains("1,600 × 320 pixels"), page.selectFirst("#image-note").text());

        var image = anonymous(markdown.group(2), Map.of());
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", image.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("nosniff", image.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("default-src 'none'; sandbox", image.headers().firstValue("Content-Security-Policy").orElseThrow());
        var etag = image.headers().firstValue("ETag").orElseThrow();
        assertEquals("\"" + markdown.group(3) + "\"", etag);
        var read = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertEquals(1600, read.getWidth(), "scaled to the largest width");
        assertEquals(320, read.getHeight());
        assertEquals(304, anonymous(markdown.group(2), Map.of("If-None-Match", etag)).statusCode());

        var again = MARKDOWN.matcher(ConsoleClient.page(upload(signedIn("it-image-admin", "ADMIN"), png, "copy.png", "image/png", "Again", ""))
                .selectFirst("#image-markdown").val());
        assertTrue(again.matches());
        assertEquals(markdown.group(2), again.group(2), "the same image, uploaded again by someone else, is the same stored image");
    }

    @Test
    void unknownAndMistypedImageAddressesAre404Problems() throws Exception {
        var unknown = anonymous("/images-it/media/" + "0".repeat(64) + ".png", Map.of());
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElseThrow().replaceAll(";.*", ""));
        assertTrue(new String(unknown.body(), StandardCharsets.UTF_8).contains("\"status\":404"));
        assertEquals(404, anonymous("/images-it/media/not-an-image.svg", Map.of()).statusCode());

        var author = signedIn("it-image-author", "AUTHOR");
        var jpeg = MARKDOWN.matcher(ConsoleClient.page(upload(author, picture("jpeg", 300, 200, Color.GREEN), "x.jpg", "image/jpeg", "Green", ""))
                .selectFirst("#image-markdown").val());
        assertTrue(jpeg.matches());
        assertEquals("jpg", jpeg.group(4), "typed by its bytes");
        assertEquals(200, anonymous(jpeg.group(2), Map.of()).statusCode());
        assertEquals(404, anonymous(jpeg.group(2).replace(".jpg", ".png"), Map.of()).statusCode(), "only at its own extension");
    }

    @Test
    void svgTextAndOversizedFilesAreRefusedWithAMessageAndTheTextIsKept() throws Exception {
        var author = signedIn("it-image-author", "AUTHOR");
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        var refused = upload(author, svg, "picture.png", "image/png", "A picture", "Kept text.");
        assertEquals(200, refused.statusCode());
        var page = ConsoleClient.page(refused);
        assertTrue(error(page).contains("not a PNG, JPEG, GIF or WebP"), error(page));
        assertNull(page.selectFirst("#image-markdown"));
        assertEquals("Kept text.", page.selectFirst("textarea[name=editor:markdown]").text());

        var withoutAlt = ConsoleClient.page(upload(author, picture("png", 50, 50, Color.RED), "red.png", "image/png", " ", "Kept."));
        assertTrue(error(withoutAlt).contains("describe the image"), error(withoutAlt));
        assertNull(withoutAlt.selectFirst("#image-markdown"));

        var eleven = new byte[11 * 1024 * 1024];
        System.arraycopy(picture("png", 10, 10, Color.RED), 0, eleven, 0, 8);
        var tooLarge = ConsoleClient.page(upload(author, eleven, "big.png", "image/png", "Big", "Kept."));
        assertTrue(error(tooLarge).contains("larger than 10 MB"), error(tooLarge));
        assertEquals("Kept.", tooLarge.selectFirst("textarea[name=editor:markdown]").text());
    }

    @Test
    void anEditorFormSentUrlEncodedByAProgramIsAnsweredWithoutAnError() throws Exception {
        var author = signedIn("it-image-author", "AUTHOR");
        var preview = author.submit(EDITOR, "editor", Map.of("editor:title", "T", "editor:markdown", "*Typed*", "editor:preview-button", "Show"));
        assertEquals(200, preview.statusCode());
        assertEquals("Typed", ConsoleClient.page(preview).selectFirst("#editor\\:preview em").text());
        var upload = author.submit(EDITOR, "editor", Map.of("editor:title", "", "editor:markdown", "", "editor:imageAlt", "Nothing",
                "editor:upload", "Upload image"));
        assertEquals(200, upload.statusCode());
        assertTrue(error(ConsoleClient.page(upload)).contains("choose an image file"), error(ConsoleClient.page(upload)));
    }

    @Test
    void readersModeratorsOtherSitesAndFormsWithoutTheirTokenUploadNothing() throws Exception {
        var author = signedIn("it-image-author", "AUTHOR");
        var form = ConsoleClient.page(author.open(EDITOR));

        var png = picture("png", 120, 80, Color.MAGENTA);
        var address = "/images-it/media/" + ImagePreparation.prepare(png).hash() + ".png";
        var fields = uploadFields("Not wanted", "");

        var reader = new ConsoleClient(base);
        var anonymous = reader.submitWithFile(form, "editor", fields, "editor:image", "x.png", "image/png", png);
        assertEquals(302, anonymous.statusCode(), "a reader is sent to sign in");
        assertTrue(anonymous.headers().firstValue("Location").orElseThrow().contains("sign-in"));

        var moderator = signedIn("it-image-moderator", "MODERATOR");
        assertEquals(403, moderator.submitWithFile(ConsoleClient.page(author.open(EDITOR)), "editor", fields, "editor:image", "x.png", "image/png", png)
                .statusCode(), "moderators do not write posts");

        var crossSite = author.submitWithFile(form, "editor", fields, "editor:image", "x.png", "image/png", png, "Origin", "https://evil.example");
        assertEquals(403, crossSite.statusCode(), "another site's page may not upload in an author's name");

        var withoutToken = new HashMap<>(fields);
        withoutToken.put("jakarta.faces.ViewState", null);
        var tokenless = author.submitWithFile(form, "editor", withoutToken, "editor:image", "x.png", "image/png", png);
        assertNull(ConsoleClient.page(tokenless).selectFirst("#image-markdown"), "no form token, no upload");

        var forged = new HashMap<>(fields);
        forged.put("jakarta.faces.ViewState", "forged");
        assertEquals(400, author.submitWithFile(form, "editor", forged, "editor:image", "x.png", "image/png", png).statusCode());

        assertEquals(404, anonymous(address, Map.of()).statusCode(), "none of them stored the image");
    }

    private ConsoleClient signedIn(String username, String role) throws Exception {
        var client = new ConsoleClient(base);
        client.ensureMember(username, role);
        assertEquals(302, client.signIn(username, TeamFixture.PASSWORD).statusCode());
        return client;
    }

    /** Uploads through a new post's editor, as a browser without JavaScript does (the Upload button). */
    private static HttpResponse<String> upload(ConsoleClient client, byte[] file, String fileName, String type, String alt, String markdown)
            throws Exception {
        var form = ConsoleClient.page(client.open(EDITOR));
        return client.submitWithFile(form, "editor", uploadFields(alt, markdown), "editor:image", fileName, type, file);
    }

    private static Map<String, String> uploadFields(String alt, String markdown) {
        return Map.of("editor:title", "", "editor:markdown", markdown, "editor:imageAlt", alt, "editor:upload", "Upload image");
    }

    private static String error(Document page) {
        var error = page.selectFirst(".console-messages .error");
        return error == null ? "" : error.text();
    }

    /** GETs an address of the server as a reader's browser, with these headers; the body as bytes. */
    private HttpResponse<byte[]> anonymous(String path, Map<String, String> headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(java.net.URI.create(base.toExternalForm()).resolve(path));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] picture(String format, int width, int height, Color color) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawLine(0, 0, width - 1, height - 1);
        g.dispose();
        var out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out));
        return out.toByteArray();
    }
}

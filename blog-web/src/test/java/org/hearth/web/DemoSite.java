package org.hearth.web;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

/** What the integration tests know of the demo site. */
public final class DemoSite {

    /** The permalink path of the demo post "Being A Star In Our Communities". */
    public static final String STAR_PATH = "posts/being-a-star-in-our-communities";

    private DemoSite() {
    }

    /** The thread key of the demo post, as its page hands it to the widget (threads are keyed by post id). */
    public static String starThread(URL base) {
        return Jsoup.parse(get(base, STAR_PATH)).selectFirst("[data-hc-share]").attr("data-hc-share");
    }

    /**
     * A form token of the JSON API, as {@code GET /api/comments} hands it out: {@code POST /api/comments} needs one
     * (deployments for tests that post at once set {@code hearth.comments.MIN_SECONDS} to 0).
     */
    public static String formToken(URL base) {
        var matcher = Pattern.compile("\"form\":\"([^\"]+)\"").matcher(get(base, "api/comments?thread=form-token"));
        if (!matcher.find()) {
            throw new IllegalStateException("GET /api/comments handed out no form token");
        }
        return matcher.group(1);
    }

    private static String get(URL base, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

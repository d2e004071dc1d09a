package org.hearth.web;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.Jsoup;

/** What the integration tests know of the demo site. */
public final class DemoSite {

    /** The permalink path of the demo post "Being A Star In Our Communities". */
    public static final String STAR_PATH = "posts/being-a-star-in-our-communities";

    private DemoSite() {
    }

    /** The thread key of the demo post, as its page hands it to the widget (threads are keyed by post id). */
    public static String starThread(URL base) {
        try {
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(STAR_PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Jsoup.parse(response.body()).selectFirst("[data-hc-share]").attr("data-hc-share");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

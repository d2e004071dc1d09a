package org.hearth.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A reader's HTTP client for a deployed Hearth: plain requests that never follow redirects, pages parsed by jsoup. */
public final class SiteClient {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final URI base;

    public SiteClient(URL base) {
        this.base = URI.create(base.toExternalForm());
    }

    /** The absolute address of {@code path} (relative to the context root, without a leading slash). */
    public URI resolve(String path) {
        return base.resolve(path);
    }

    /** GETs {@code path} with the given header name/value pairs. */
    public HttpResponse<String> get(String path, String... headers) {
        var request = HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** POSTs an empty body to {@code path}. */
    public HttpResponse<String> post(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs {@code path}, which must answer 200, and parses it. */
    public Document page(String path) {
        var response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), response.uri().toString());
    }
}

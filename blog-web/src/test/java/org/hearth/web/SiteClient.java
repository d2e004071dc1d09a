package org.hearth.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A reader's HTTP client for a deployed Hearth: plain requests that never follow redirects, pages parsed by jsoup, and
 * raw HTTP/1.1 requests with headers Java's HTTP client refuses to send (such as a forged {@code Host}).
 */
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

    /** The answer to a raw request: its status, its headers (names lower-cased) and its body. */
    public record RawResponse(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            var values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.getFirst();
        }
    }

    /**
     * Sends one HTTP/1.1 request as written, over a socket of its own ({@code Connection: close}): {@code path} is
     * relative to the context root; {@code headers} are "Name: value" lines and must include {@code Host}.
     */
    public RawResponse raw(String method, String path, String body, String... headers) {
        var target = resolve(path);
        var request = new StringBuilder(method).append(' ').append(target.getRawPath())
                .append(target.getRawQuery() == null ? "" : "?" + target.getRawQuery()).append(" HTTP/1.1\r\n");
        for (var header : headers) {
            request.append(header).append("\r\n");
        }
        var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (var socket = new Socket(target.getHost(), target.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawResponse parse(String answer) {
        var end = answer.indexOf("\r\n\r\n");
        var head = answer.substring(0, end).split("\r\n");
        var headers = new LinkedHashMap<String, List<String>>();
        for (int i = 1; i < head.length; i++) {
            var colon = head[i].indexOf(':');
            headers.computeIfAbsent(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(head[i].substring(colon + 1).strip());
        }
        var body = answer.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).getFirst())) {
            body = unchunk(body);
        }
        return new RawResponse(Integer.parseInt(head[0].split(" ")[1]), headers,
                new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String unchunk(String chunked) {
        var body = new StringBuilder();
        int at = 0;
        while (true) {
            var lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}

package org.hearth.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser without JavaScript for console tests: keeps cookies, never follows redirects by itself (tests look at
 * them), and submits Faces forms with their hidden fields (the view state among them).
 */
final class ConsoleClient {

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    ConsoleClient(URL base) {
        this.base = URI.create(base.toExternalForm());
        this.http = builder().build();
    }

    /**
     * A client whose requests come from another loopback address, such as {@code 127.0.0.2} (Linux gives the whole of
     * 127.0.0.0/8 to the loopback interface), so the server tells it apart from other clients by its remote address.
     * It talks to the server at 127.0.0.1, whatever host {@code base} names.
     */
    ConsoleClient(URL base, String loopbackAddress) {
        try {
            var uri = URI.create(base.toExternalForm());
            this.base = new URI(uri.getScheme(), null, "127.0.0.1", uri.getPort(), uri.getPath(), null, null);
            this.http = builder().localAddress(InetAddress.getByName(loopbackAddress)).build();
        } catch (URISyntaxException | UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpClient.Builder builder() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /** Makes sure this member exists with this role, with {@link TeamFixture#PASSWORD} and no waits after failed sign-ins. */
    void ensureMember(String username, String role) throws IOException, InterruptedException {
        var response = post("it/team", Map.of("username", username, "role", role, "name", "IT " + username), null);
        if (response.statusCode() != 204) {
            throw new IllegalStateException("Fixture refused " + username + ": " + response.statusCode());
        }
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET, following redirects within the site. */
    HttpResponse<String> open(String path) throws IOException, InterruptedException {
        var response = get(path);
        for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
            response = get(response.headers().firstValue("Location").orElseThrow());
        }
        return response;
    }

    /** POSTs this form, with this {@code Origin} (none when null) and these further header name/value pairs. */
    HttpResponse<String> post(String path, Map<String, String> form, String origin, String... headers) throws IOException, InterruptedException {
        return post(path, List.copyOf(form.entrySet()), origin, headers);
    }

    /** POSTs these fields in this order (a name may come more than once, as checkboxes do), as {@link #post(String, Map, String, String...)}. */
    HttpResponse<String> post(String path, List<Map.Entry<String, String>> form, String origin, String... headers) throws IOException, InterruptedException {
        var body = form.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a {@code multipart/form-data} body with this file as its part {@code file}, and these header name/value pairs. */
    HttpResponse<String> upload(String path, String fileName, byte[] content, String... headers) throws IOException, InterruptedException {
        return multipart(path, List.of(), "file", fileName, "application/xml", content, headers);
    }

    /**
     * POSTs a {@code multipart/form-data} body: these fields in this order, then the file as the part {@code fileField}
     * with this type; and these header name/value pairs.
     */
    HttpResponse<String> multipart(String path, List<Map.Entry<String, String>> fields, String fileField, String fileName, String type,
                                   byte[] content, String... headers) throws IOException, InterruptedException {
        var boundary = "hearth-it-" + System.nanoTime();
        var head = new StringBuilder();
        fields.forEach(field -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(field.getKey()).append("\"\r\n\r\n").append(field.getValue()).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: ").append(type).append("\r\n\r\n");
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        // HTTP/1.1 as browsers send forms: GlassFish 8.0.0 fails a large body that offers an HTTP/2 upgrade (h2c)
        var request = HttpRequest.newBuilder(resolve(path)).version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(concat(head.toString().getBytes(StandardCharsets.UTF_8), content, tail)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The parts one after the other: a body of known length (the site refuses a chunked one with 411). */
    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /**
     * Submits the form with this id as {@code multipart/form-data}, as a browser does when it holds a file field: its
     * hidden fields (those named in {@code fields} replaced, those mapped to null left out) and these fields, then
     * the file; with these header name/value pairs.
     */
    HttpResponse<String> submitWithFile(Document page, String formId, Map<String, String> fields, String fileField, String fileName,
                                        String type, byte[] content, String... headers) throws IOException, InterruptedException {
        var all = hiddenFields(page, formId, fields);
        fields.entrySet().stream().filter(field -> field.getValue() != null).forEach(all::add);
        return multipart(page.selectFirst("form#" + formId).attr("action"), all, fileField, fileName, type, content, headers);
    }

    /** Submits the form with this id of the page at {@code path}, with its hidden fields and these fields. */
    HttpResponse<String> submit(String path, String formId, Map<String, String> fields) throws IOException, InterruptedException {
        return submit(page(open(path)), formId, fields);
    }

    HttpResponse<String> submit(Document page, String formId, Map<String, String> fields) throws IOException, InterruptedException {
        return submit(page, formId, fields, List.of());
    }

    /** Submits the form as {@link #submit(Document, String, Map)}, with these checkboxes {@code name=value} checked too. */
    HttpResponse<String> submit(Document page, String formId, Map<String, String> fields, List<Map.Entry<String, String>> checked)
            throws IOException, InterruptedException {
        var all = hiddenFields(page, formId, fields);
        all.addAll(fields.entrySet());
        all.addAll(checked);
        return post(page.selectFirst("form#" + formId).attr("action"), all, null);
    }

    /** The hidden fields of the form with this id (the view state among them) but those named in {@code fields}. */
    private static java.util.List<Map.Entry<String, String>> hiddenFields(Document page, String formId, Map<String, String> fields) {
        var all = new java.util.ArrayList<Map.Entry<String, String>>();
        page.select("form#" + formId + " input[type=hidden]").stream().filter(input -> !fields.containsKey(input.attr("name")))
                .forEach(input -> all.add(Map.entry(input.attr("name"), input.val())));
        return all;
    }

    /** Signs in through the form; the answer is the redirect it gives. */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        return submit("sign-in.xhtml", "signin", Map.of("signin:username", username, "signin:password", password, "signin:go", "Sign in"));
    }

    /**
     * Opens the sign-in form now; the answer submits it when called, so that several clients can submit at the same
     * moment.
     */
    Callable<HttpResponse<String>> signInLater(String username, String password) throws IOException, InterruptedException {
        var form = page(open("sign-in.xhtml"));
        return () -> submit(form, "signin", Map.of("signin:username", username, "signin:password", password, "signin:go", "Sign in"));
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    URI resolve(String path) {
        if (path.startsWith("http")) {
            return URI.create(path);
        }
        return base.resolve(path);
    }

    /** The texts of the cells of each table row this CSS selector finds in the page. */
    static List<List<String>> rows(HttpResponse<String> response, String selector) {
        return page(response).select(selector).stream().map(row -> row.children().eachText()).toList();
    }

    /** The figure in column {@code column} of the last week (this one) of a weekly table on the dashboard. */
    static long lastWeek(Document dashboard, String table, int column) {
        return Long.parseLong(dashboard.select(table + " tbody tr").last().child(column).text());
    }

    static Document page(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }
}

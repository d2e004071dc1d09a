package org.hearth.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A team member in the console of one instance, as a browser without JavaScript: keeps its cookies, and submits Faces
 * forms with their hidden fields (the form's name and its view state).
 */
final class ConsoleSession {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final Cluster.Instance instance;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    ConsoleSession(Cluster.Instance instance) {
        this.instance = instance;
    }

    /**
     * Creates the first admin (when nobody can sign in yet) with the setup token of the instance that started last (each
     * start on the shared database replaces it: the newest of these instances' logs is tried first), then signs in.
     */
    static ConsoleSession admin(Cluster.Instance instance, String username, String password, Cluster.Instance... started) throws Exception {
        var session = new ConsoleSession(instance);
        var setup = session.get("/setup.xhtml");
        if (setup.statusCode() == 200 && setup.body().contains("setup:token")) {
            var created = false;
            for (var other : started) {
                var token = Cluster.hearth(other, "setup-token").strip();
                created = created || session.submit("/setup.xhtml", Map.of("setup:token", token, "setup:username", username,
                        "setup:displayName", "Scale Admin", "setup:password", password, "setup:confirmation", password,
                        "setup:go", "Create")).statusCode() == 302;
            }
            assertTrue(created, "the first admin is created with a setup token");
        }
        var signedIn = session.submit("/sign-in.xhtml", Map.of("signin:username", username, "signin:password", password, "signin:go", "Sign in"));
        assertEquals(302, signedIn.statusCode(), "signed in");
        return session;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(instance.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits the form of the page at {@code path} that these fields belong to ({@code form:field}) with its hidden fields. */
    HttpResponse<String> submit(String path, Map<String, String> fields) throws IOException, InterruptedException {
        var all = hidden(get(path).body(), fields);
        all.putAll(fields);
        var body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(instance.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits the form of the page at {@code path} as multipart, with these fields and the file as the part {@code fileField}. */
    HttpResponse<String> submitWithFile(String path, Map<String, String> fields, String fileField, String type, byte[] file)
            throws IOException, InterruptedException {
        var all = hidden(get(path).body(), fields);
        all.putAll(fields);
        var boundary = "scale-out-" + System.nanoTime();
        var head = new StringBuilder();
        all.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"upload\"\r\nContent-Type: ").append(type).append("\r\n\r\n");
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(instance.uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(head.toString().getBytes(StandardCharsets.UTF_8), file, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The parts one after the other: a body of known length (the site refuses a chunked one with 411). */
    private static byte[] body(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The hidden fields of the form whose id prefixes the names of {@code submitted} (a page may hold several forms). */
    private static Map<String, String> hidden(String page, Map<String, String> submitted) {
        var formId = submitted.keySet().iterator().next().split(":")[0];
        var start = page.indexOf("<form id=\"" + formId + "\"");
        assertTrue(start >= 0, "the page has the form " + formId);
        var form = page.substring(start, page.indexOf("</form>", start));
        var fields = new LinkedHashMap<String, String>();
        var inputs = HIDDEN.matcher(form);
        while (inputs.find()) {
            var name = NAME.matcher(inputs.group());
            var value = VALUE.matcher(inputs.group());
            assertTrue(name.find(), inputs.group());
            fields.put(name.group(1), value.find() ? value.group(1).replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                    .replace("&lt;", "<").replace("&gt;", ">") : "");
        }
        return fields;
    }
}

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends many requests that offer an HTTP/2 upgrade ({@code Upgrade: h2c}) and counts the outcomes, to watch the server's
 * heap after a full collection meanwhile ({@code jcmd PID GC.run}, {@code GC.heap_info}, {@code GC.class_histogram}).
 * <pre>
 * java bench/H2cSoak.java URL COUNT THREADS MODE
 * </pre>
 * MODE: {@code get} or {@code post} (a new connection per request, upgraded, answered on stream 1, then GOAWAY and
 * close, as curl --http2 does); {@code jdk-get} or {@code jdk-post} (one Java HTTP client per thread with its default
 * version: one upgrade per connection, then every request a stream of that connection; the posts carry a body).
 */
public class H2cSoak {

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] EMPTY_SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};
    private static final byte[] SETTINGS_ACK = {0, 0, 0, 4, 1, 0, 0, 0, 0};
    private static final byte[] GOAWAY = {0, 0, 8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0};

    public static void main(String[] args) throws Exception {
        var uri = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        var mode = args[3];
        var left = new AtomicInteger(count);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    var client = mode.startsWith("jdk") ? HttpClient.newHttpClient() : null;
                    try {
                        while (left.getAndDecrement() > 0) {
                            String outcome;
                            try {
                                outcome = client != null ? viaClient(client, uri, mode.endsWith("post")) : raw(uri, mode.equals("post"));
                            } catch (IOException | InterruptedException e) {
                                outcome = e.toString();
                            }
                            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                        }
                    } finally {
                        if (client != null) {
                            client.shutdownNow();
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.DAYS);
        }
        System.out.printf("%,d requests in %.1f s: %s%n", count, (System.nanoTime() - start) / 1e9, outcomes);
    }

    private static String viaClient(HttpClient client, URI uri, boolean post) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (post) {
            request.POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json");
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        return response.version() + " " + response.statusCode() + " " + response.headers().firstValue("content-type").orElse("no type");
    }

    /** One request on a new connection: "h2 200" and the like when answered in HTTP/2 after a 101, else what came. */
    private static String raw(URI uri, boolean post) throws IOException {
        try (var socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            var body = "x=1";
            var request = (post ? "POST " : "GET ") + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n"
                    + (post ? "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body : "\r\n");
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            var statusLine = head(in);
            if (!statusLine.contains(" 101 ")) {
                return statusLine;
            }
            out.write(PREFACE);
            out.write(EMPTY_SETTINGS);
            out.flush();
            var outcome = "h2 no headers";
            var header = new byte[9];
            while (true) {
                if (in.readNBytes(header, 0, 9) < 9) {
                    return outcome + ", closed early";
                }
                int length = (header[0] & 0xff) << 16 | (header[1] & 0xff) << 8 | header[2] & 0xff;
                int type = header[3];
                int flags = header[4];
                int stream = (header[5] & 0x7f) << 24 | (header[6] & 0xff) << 16 | (header[7] & 0xff) << 8 | header[8] & 0xff;
                if (length > 1 << 14 || type > 9) {
                    return "not an HTTP/2 frame";
                }
                if (in.readNBytes(length).length < length) {
                    return outcome + ", closed early";
                }
                if (stream == 1 && type == 1) {
                    outcome = "h2";
                }
                if (type == 4 && (flags & 1) == 0) {
                    out.write(SETTINGS_ACK);
                    out.flush();
                }
                if (stream == 1 && (type == 0 || type == 1) && (flags & 1) != 0) {
                    out.write(GOAWAY);
                    out.flush();
                    return outcome;
                }
            }
        }
    }

    /** Reads a response head; returns its status line. */
    private static String head(InputStream in) throws IOException {
        var line = new StringBuilder();
        String first = null;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                if (first == null) {
                    first = line.toString().strip();
                } else if (line.toString().isBlank()) {
                    break;
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return first == null ? "no answer" : first;
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Seeds a comment thread through Hearth's JSON API (java Seed.java BASE THREAD TOP_LEVEL TOKEN FORM): TOP_LEVEL top-level
 * comments, each followed by a chain of replies 2 to 4 deep (3 on average), so the thread holds 4 × TOP_LEVEL
 * comments with replies down to depth 4. Every comment is its own simulated client (see BenchmarkMode), 8 at a time.
 * FORM is a form token of the API ({@code GET /api/comments} hands it out), at least a few seconds old.
 */
public class Seed {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final AtomicLong CLIENTS = new AtomicLong();
    private static String form;

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var thread = args[1];
        int topLevel = Integer.parseInt(args[2]);
        var token = args[3];
        form = args[4];
        // HTTP/1.1 like browsers and proxies: GlassFish 8.0.0 keeps memory from every request that offers an HTTP/2 upgrade.
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> chains = new ArrayList<>();
            for (int i = 0; i < topLevel; i++) {
                int n = i;
                chains.add(pool.submit(() -> {
                    long parent = post(http, base, thread, null, n, 0, token);
                    int replies = n % 5 == 0 ? 4 : n % 5 == 1 ? 2 : 3;
                    for (int depth = 1; depth <= replies; depth++) {
                        parent = post(http, base, thread, parent, n, depth, token);
                    }
                    return null;
                }));
            }
            for (var chain : chains) {
                chain.get();
            }
        }
        System.out.println("seeded " + thread);
    }

    private static long post(HttpClient http, String base, String thread, Long parent, int n, int depth, String token) throws Exception {
        var body = "Comment " + n + "." + depth + " (" + System.nanoTime() + ") in " + thread + ": a thoughtful reply about community, with *some* Markdown "
                + "and enough words to look like a real comment that a reader took the time to write.";
        var json = "{\"form\":\"" + form + "\",\"thread\":\"" + thread + "\",\"parentId\":" + parent + ",\"name\":\"Reader " + n + "\",\"body\":\"" + body + "\"}";
        var request = HttpRequest.newBuilder(URI.create(base + "/api/comments"))
                .header("Content-Type", "application/json")
                .header("X-Hearth-Benchmark", token)
                .header("X-Hearth-Benchmark-Client", "seed-" + CLIENTS.incrementAndGet())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
        }
        var matcher = ID.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("No id in " + response.body());
        }
        return Long.parseLong(matcher.group(1));
    }
}

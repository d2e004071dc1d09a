import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeds a comment thread through Hearth's JSON API (java Seed.java BASE THREAD TOP_LEVEL TOKEN): TOP_LEVEL top-level
 * comments, each followed by a chain of replies 2 to 4 deep (3 on average), so the thread holds 4 × TOP_LEVEL
 * comments with replies down to depth 4. Every comment is its own simulated client (see BenchmarkMode), 8 at a time.
 * A form token ({@link Api}) serves {@value Api#USES} comments.
 */
public class Seed {

    private static final AtomicLong CLIENTS = new AtomicLong();
    private static List<String> forms;
    private static final AtomicLong POSTED = new AtomicLong();

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var thread = args[1];
        int topLevel = Integer.parseInt(args[2]);
        var token = args[3];
        // HTTP/1.1 like browsers and proxies: GlassFish 8.0.0 keeps memory from every request that offers an HTTP/2 upgrade.
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        forms = Api.fetch(http, base, topLevel * 5 / Api.USES + 1);
        Thread.sleep(4_000); // the widget's minimum reading time
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
        var form = forms.get((int) (POSTED.getAndIncrement() / Api.USES));
        var json = "{\"form\":\"" + form + "\",\"thread\":\"" + thread + "\",\"parentId\":" + parent + ",\"name\":\"Reader " + n + "\",\"body\":\"" + body + "\"}";
        return Api.post(http, base, json, token, "seed-" + CLIENTS.incrementAndGet());
    }
}

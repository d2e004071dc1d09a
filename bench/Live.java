import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The writers of the live-discussion workload (java Live.java BASE THREAD SLUG TOKEN RATE SECONDS RUN): posts RATE
 * comments a second for SECONDS seconds to THREAD, each a reply to one of the top-level comments of its first page (so
 * every one belongs on the post page), each from its own simulated client (see BenchmarkMode). Afterwards it reads the
 * post page /posts/SLUG as an anonymous reader and prints {@code posted N acknowledged A missing M errors E}: missing
 * counts acknowledged comments the page does not show.
 */
public class Live {

    private static final Pattern TOP_LEVEL = Pattern.compile("\"id\":(\\d+),\"parentId\":null");

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var thread = args[1];
        var slug = args[2];
        var token = args[3];
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        var run = args[6];
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var page = http.send(HttpRequest.newBuilder(URI.create(base + "/api/comments?thread=" + thread)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var forms = Api.fetch(http, base, rate * seconds / Api.USES + 2);
        Thread.sleep(4_000); // the widget's minimum reading time
        List<Long> parents = new ArrayList<>();
        TOP_LEVEL.matcher(page).results().forEach(m -> parents.add(Long.parseLong(m.group(1))));
        if (parents.isEmpty()) {
            throw new IllegalStateException("No top-level comments on the first page of " + thread);
        }
        var acknowledged = new ConcurrentLinkedQueue<Long>();
        var posted = new AtomicInteger();
        var errors = new AtomicInteger();
        try (var posters = Executors.newFixedThreadPool(4); var clock = Executors.newSingleThreadScheduledExecutor()) {
            clock.scheduleAtFixedRate(() -> {
                int n = posted.incrementAndGet();
                posters.submit(() -> {
                    try {
                        acknowledged.add(post(http, base, thread, parents.get(n % parents.size()), token, forms.get((n - 1) / Api.USES),
                                run + "-" + n));
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        System.err.println("live: " + e.getMessage());
                    }
                });
            }, 0, 1000 / rate, TimeUnit.MILLISECONDS);
            Thread.sleep(seconds * 1000L);
            clock.shutdown();
        }
        var shown = http.send(HttpRequest.newBuilder(URI.create(base + "/posts/" + slug)).build(), HttpResponse.BodyHandlers.ofString()).body();
        long missing = acknowledged.stream().filter(id -> !shown.contains("id=\"comment-" + id + "\"")).count();
        System.out.println("posted " + posted.get() + " acknowledged " + acknowledged.size() + " missing " + missing + " errors " + errors.get());
    }

    private static long post(HttpClient http, String base, String thread, long parent, String token, String form, String mark) throws Exception {
        var json = "{\"form\":\"" + form + "\",\"thread\":\"" + thread + "\",\"parentId\":" + parent + ",\"name\":\"Live " + mark
                + "\",\"body\":\"Live comment " + mark + ": a reply written while others read the discussion.\"}";
        return Api.post(http, base, json, token, "live-" + mark);
    }
}

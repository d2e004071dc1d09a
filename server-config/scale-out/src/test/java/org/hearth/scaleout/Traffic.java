package org.hearth.scaleout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Readers and a poster going through nginx while the test changes the cluster behind it: a reader's request every 250
 * ms (the home page, a post, its discussion), and a comment every 15 s (under the 5 a minute one client may post; all
 * of them come from nginx's address). Each request opens a connection of its own, as browsers coming and going do.
 * It records every request that was not answered as it should be (an exception, a 5xx, a refused comment other than
 * for the rate limit) and every comment the site accepted.
 */
final class Traffic implements AutoCloseable {

    private static final Pattern FORM = Pattern.compile("\"form\":\"([^\"]+)\"");

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger reads = new AtomicInteger();
    private final List<String> paths;
    private final String thread;
    private volatile String formToken;

    Traffic(String slug, String thread) {
        this.thread = thread;
        this.paths = List.of("/", "/posts/" + slug, "/api/comments?thread=" + thread);
        scheduler.scheduleWithFixedDelay(this::read, 0, 250, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::post, 0, 15, TimeUnit.SECONDS);
    }

    private void read() {
        var path = paths.get(reads.getAndIncrement() % paths.size());
        send(HttpRequest.newBuilder(Cluster.viaNginx(path)).build(), "GET " + path);
    }

    /** Posts with the form token fetched a round before (the widget wants a few seconds of reading), then fetches one. */
    private void post() {
        if (formToken != null) {
            var body = "Posted during the rolling upgrade " + System.nanoTime();
            var json = "{\"form\":\"" + formToken + "\",\"thread\":\"" + thread + "\",\"name\":\"Rollo\",\"body\":\"" + body + "\"}";
            var response = send(HttpRequest.newBuilder(Cluster.viaNginx("/api/comments")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), "POST /api/comments");
            if (response != null && response.statusCode() == 201) {
                accepted.add(body);
            } else if (response != null && response.statusCode() != 429 && response.statusCode() < 500) {
                failures.add("POST /api/comments: " + response.statusCode() + " " + response.body());
            }
        }
        var discussion = send(HttpRequest.newBuilder(Cluster.viaNginx("/api/comments?thread=" + thread)).build(), "GET form token");
        var form = discussion == null ? null : FORM.matcher(discussion.body());
        formToken = form != null && form.find() ? form.group(1) : null;
    }

    /** Sends on a connection of its own; answers the response, or null (recorded as a failure) when it failed. */
    private HttpResponse<String> send(HttpRequest request, String what) {
        try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()) {
            var response = client.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                failures.add(what + ": " + response.statusCode() + " from " + response.headers().firstValue("X-Upstream").orElse("?"));
                return null;
            }
            return response;
        } catch (IOException e) {
            failures.add(what + ": " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until the site accepted more than {@code count} comments. */
    void awaitAcceptedMoreThan(int count) {
        Cluster.eventually("a comment accepted", () -> accepted.size() > count);
    }

    List<String> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    int reads() {
        return reads.get();
    }

    /** Stops the readers and the poster once their requests under way are answered. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * What the benchmark's writers ask of the JSON API: form tokens ({@code java Api.java BASE COUNT} prints COUNT, one a
 * line) and posting a comment. The widget takes {@value #USES} comments per form (Commenter.COMMENTS_PER_FORM), so a
 * writer takes a new one every {@value #USES} comments. Each comes from {@code GET /api/comments} of a thread nobody
 * writes to (the cheapest answer that hands out one); a token must be a few seconds old before it is used (the widget's
 * minimum reading time), which callers wait.
 */
public class Api {

    /** Comments the widget takes per form. */
    static final int USES = 3;

    private static final Pattern FORM = Pattern.compile("\"form\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    public static void main(String[] args) throws Exception {
        fetch(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), args[0], Integer.parseInt(args[1]))
                .forEach(System.out::println);
    }

    /** COUNT fresh form tokens, 8 requests at a time. */
    static List<String> fetch(HttpClient http, String base, int count) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/comments?thread=bench-forms")).build();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(pool.submit(() -> {
                    var matcher = FORM.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                    if (!matcher.find()) {
                        throw new IllegalStateException("GET /api/comments handed out no form token");
                    }
                    return matcher.group(1);
                }));
            }
            var forms = new ArrayList<String>();
            for (var answer : answers) {
                forms.add(answer.get());
            }
            return forms;
        }
    }

    /** Posts a comment (JSON) as the benchmark's simulated client {@code client}; answers its id. */
    static long post(HttpClient http, String base, String json, String token, String client) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/comments"))
                .header("Content-Type", "application/json")
                .header("X-Hearth-Benchmark", token)
                .header("X-Hearth-Benchmark-Client", client)
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

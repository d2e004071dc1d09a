package org.hearth.scaleout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

import org.apache.derby.client.BasicClientDataSource;

/**
 * Two GlassFish domains (A and B) sharing one Derby network server database, with nginx on loopback balancing
 * between them, all provisioned with {@code server-config/bin/hearth}, the script admins use.
 */
final class Cluster {

    static final Path REPO = Path.of(System.getProperty("hearth.repo"));
    static final Path WAR = Path.of(System.getProperty("hearth.war"));
    static final Path DIR = Path.of(System.getProperty("hearth.scale.dir"));
    static final int DB_PORT = Integer.getInteger("hearth.scale.db.port");
    static final int NGINX_PORT = Integer.getInteger("hearth.scale.nginx.port");

    /** Where the Derby network server keeps its files, and the settings that point an instance at it. */
    static final Map<String, String> DERBY_NETWORK = Map.of(
            "HEARTH_DB", "derby-network",
            "HEARTH_DB_PORT", Integer.toString(DB_PORT),
            "HEARTH_DERBY_HOME", DIR.resolve("derby").toString(),
            "HEARTH_BACKUP_DIR", DIR.resolve("backups").toString());

    /**
     * One GlassFish domain of the cluster.
     *
     * @param database the {@code HEARTH_DB*} settings of its database
     */
    record Instance(String name, int portBase, Map<String, String> database) {

        Instance on(Map<String, String> otherDatabase) {
            return new Instance(name, portBase, otherDatabase);
        }

        int httpPort() {
            return portBase + 80;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + httpPort() + path);
        }

        String upstream() {
            return "127.0.0.1:" + httpPort();
        }
    }

    static final Instance A = new Instance("hearth-scale-a", Integer.getInteger("hearth.scale.portbase.a"), DERBY_NETWORK);
    static final Instance B = new Instance("hearth-scale-b", Integer.getInteger("hearth.scale.portbase.b"), DERBY_NETWORK);

    // HTTP/1.1 as browsers and nginx speak to a plain-HTTP server (no h2c upgrade, which the page cache leaves alone).
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Cluster() {
    }

    /**
     * Runs {@code bin/hearth command} for the Derby network server (no instance) or one instance; fails on a non-zero
     * exit.
     */
    static String hearth(Instance instance, String... command) {
        return hearth(instance, Map.of(), command);
    }

    /** Runs {@code bin/hearth command} with settings of its own on top of the instance's (or the database's). */
    static String hearth(Instance instance, Map<String, String> settings, String... command) {
        var args = new ArrayList<String>();
        args.add(REPO.resolve("server-config/bin/hearth").toString());
        args.addAll(List.of(command));
        var builder = new ProcessBuilder(args).redirectErrorStream(true);
        builder.environment().putAll(environment(instance));
        builder.environment().putAll(settings);
        try {
            var process = builder.start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("hearth " + String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> environment(Instance instance) {
        var env = new HashMap<>(instance == null ? DERBY_NETWORK : instance.database());
        env.putIfAbsent("HEARTH_DEMO_CONTENT", "false");
        env.put("HEARTH_WAR", WAR.toString());
        env.put("HEARTH_HEAP", "384m");
        if (instance == null) {
            env.put("HEARTH_DATA_DIR", DIR.resolve("db").toString());
        } else {
            env.put("HEARTH_DOMAIN", instance.name());
            env.put("HEARTH_PORTBASE", Integer.toString(instance.portBase()));
            env.put("HEARTH_DATA_DIR", DIR.resolve(instance.name()).toString());
        }
        return env;
    }

    /** Kills the domain's JVM, as a crash would (no orderly shutdown). */
    static void kill(Instance instance) {
        var asadmin = REPO.resolve("build/glassfish8/bin/asadmin").toString();
        var builder = new ProcessBuilder(asadmin, "stop-domain", "--kill=true", "--domaindir",
                REPO.resolve("build/domains").toString(), instance.name()).redirectErrorStream(true);
        builder.environment().put("AS_JAVA", hearthJdk());
        try {
            var process = builder.start();
            process.getInputStream().readAllBytes();
            process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hearthJdk() {
        try {
            var process = new ProcessBuilder(REPO.resolve("server-config/bin/find-jdk").toString()).start();
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static BasicClientDataSource dataSource() {
        var dataSource = new BasicClientDataSource();
        dataSource.setServerName("localhost");
        dataSource.setPortNumber(DB_PORT);
        dataSource.setDatabaseName("hearth");
        dataSource.setCreateDatabase("create");
        dataSource.setUser("hearth");
        dataSource.setPassword("hearth");
        return dataSource;
    }

    static Connection database() throws SQLException {
        return dataSource().getConnection();
    }

    /** The domain's folder (configuration, applications, logs). */
    static Path domain(Instance instance) {
        return REPO.resolve("build/domains").resolve(instance.name());
    }

    /** Writes nginx's configuration (loopback, round robin over A and B, next instance on a failure) and starts it. */
    static void startNginx() throws IOException {
        writeNginxConfiguration(Set.of(A, B));
        nginx("-t");
        nginx();
    }

    /**
     * Sends new requests to the given instances only, as an admin drains an instance before upgrading it: marks the
     * others {@code down}, reloads nginx, and waits until the worker of the previous configuration has finished the
     * requests it was serving and exited.
     */
    static void balanceOver(Set<Instance> serving) throws IOException {
        writeNginxConfiguration(serving);
        var master = ProcessHandle.of(Long.parseLong(Files.readString(DIR.resolve("nginx/nginx.pid")).strip())).orElseThrow();
        var previousWorkers = master.children().map(ProcessHandle::pid).collect(Collectors.toSet());
        nginx("-s", "reload");
        eventually("nginx's previous worker finished its requests", () -> master.children().findAny().isPresent()
                && master.children().noneMatch(worker -> previousWorkers.contains(worker.pid())));
    }

    private static void writeNginxConfiguration(Set<Instance> serving) throws IOException {
        var prefix = DIR.resolve("nginx");
        Files.createDirectories(prefix.resolve("logs"));
        var conf = """
                worker_processes 1;
                daemon on;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream hearth {
                        server %2$s max_fails=1 fail_timeout=2s%5$s;
                        server %3$s max_fails=1 fail_timeout=2s%6$s;
                    }
                    server {
                        listen 127.0.0.1:%4$d;
                        location / {
                            proxy_pass http://hearth;
                            proxy_set_header Host $host:$server_port;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_next_upstream error timeout http_502;
                            proxy_connect_timeout 2s;
                            add_header X-Upstream $upstream_addr always;
                        }
                    }
                }
                """.formatted(prefix, A.upstream(), B.upstream(), NGINX_PORT, serving.contains(A) ? "" : " down",
                serving.contains(B) ? "" : " down");
        Files.writeString(prefix.resolve("nginx.conf"), conf);
    }

    /** Stops nginx when it runs (a start that failed leaves an empty pid file). */
    static void stopNginx() throws IOException {
        var pid = DIR.resolve("nginx/nginx.pid");
        if (Files.exists(pid) && !Files.readString(pid).isBlank()) {
            nginx("-s", "quit");
        }
    }

    private static void nginx(String... args) {
        var command = new ArrayList<>(List.of(nginxBinary(), "-p", DIR.resolve("nginx").toString(),
                "-c", DIR.resolve("nginx/nginx.conf").toString()));
        command.addAll(List.of(args));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("nginx " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String nginxBinary() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
    }

    static URI viaNginx(String path) {
        return URI.create("http://127.0.0.1:" + NGINX_PORT + path);
    }

    static HttpResponse<String> get(URI uri, String... headers) {
        try {
            var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<byte[]> getBytes(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int status(URI uri) {
        try {
            return get(uri).statusCode();
        } catch (IllegalStateException e) {
            return 0;
        }
    }

    static HttpResponse<String> post(URI uri, String json) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts a comment through {@code writer} under the post {@code slug} and checks that {@code reader} shows it at
     * once, to its author only (a first comment waits for moderation): what readers on two instances would see.
     *
     * @return the comment, to read it elsewhere too
     */
    static PostedComment commentRoundTrip(Instance writer, Instance reader, String slug) {
        var thread = threadOf(writer, slug);
        var threadQuery = "/api/comments?thread=" + thread;
        var body = "Written on " + writer.name() + ", read on " + reader.name() + " " + System.nanoTime();
        var created = postComment(writer, thread, "{\"name\":\"Ada\",\"body\":\"" + body + "\"}");
        var tokenMatcher = Pattern.compile("\"ownerToken\":\"([^\"]+)\"").matcher(created.body());
        assertTrue(tokenMatcher.find(), created.body());
        var own = new String[] {"X-Hearth-Own", tokenMatcher.group(1)};
        assertTrue(get(reader.uri(threadQuery), own).body().contains(body), reader.name() + " shows the comment at once");
        assertFalse(get(reader.uri(threadQuery)).body().contains(body), "nobody else sees it before it is approved");
        var idMatcher = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        assertTrue(idMatcher.find(), created.body());
        return new PostedComment(Long.parseLong(idMatcher.group(1)), threadQuery, own, body);
    }

    /** The thread key of a post, which its page hands to the widget (threads are keyed by post id). */
    static String threadOf(Instance instance, String slug) {
        var keyMatcher = Pattern.compile("data-hc-share=\"([^\"]+)\"").matcher(get(instance.uri("/posts/" + slug)).body());
        assertTrue(keyMatcher.find(), "the post page carries its thread key");
        return keyMatcher.group(1);
    }

    /**
     * Posts a comment ({@code fields}: the JSON object of the comment without its form token and thread) through
     * {@code writer}, with a fresh form token; answers the {@code 201}.
     */
    static HttpResponse<String> postComment(Instance writer, String thread, String fields) {
        // Posting needs the form token a GET hands out, and a few seconds of reading (the widget's minimum) after it.
        var json = "{\"form\":\"" + formToken(writer.uri("/api/comments?thread=" + thread)) + "\",\"thread\":\"" + thread
                + "\"," + fields.substring(1);
        var answer = new AtomicReference<HttpResponse<String>>();
        eventually(writer.name() + " takes the comment once the form has been shown long enough",
                () -> answer.updateAndGet(previous -> post(writer.uri("/api/comments"), json)).statusCode() == 201);
        return answer.get();
    }

    /** The form token a GET of a discussion hands out. */
    static String formToken(URI discussion) {
        var form = Pattern.compile("\"form\":\"([^\"]+)\"").matcher(get(discussion).body());
        assertTrue(form.find(), "a GET of the discussion hands out a form token");
        return form.group(1);
    }

    /**
     * A comment awaiting moderation.
     *
     * @param id          its id
     * @param threadQuery the API path that lists its thread
     * @param ownerHeader the header that shows it to its author
     * @param body its text
     */
    record PostedComment(long id, String threadQuery, String[] ownerHeader, String body) {
    }

    /** The versions of the blog's Flyway migrations in the WAR (SQL and Java; {@code V6_1} is version 6.1). */
    static Set<String> blogMigrationVersions() {
        return migrationVersions("blog-domain/src/main/resources/org/hearth/blog/schema/migration",
                "blog-domain/src/main/java/org/hearth/blog/schema/migration");
    }

    /** The versions of the comment widget's Flyway migrations in the WAR. */
    static Set<String> widgetMigrationVersions() {
        return migrationVersions("comment-widget/src/main/resources/org/hearth/comments/schema/migration",
                "comment-widget/src/main/java/org/hearth/comments/schema/migration");
    }

    private static Set<String> migrationVersions(String... folders) {
        var versions = new HashSet<String>();
        for (var folder : folders) {
            try (var files = Files.list(REPO.resolve(folder))) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9_]+__.*\\.(sql|java)"))
                        .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.')).forEach(versions::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return versions;
    }

    /** Waits until the condition holds (the servers recover on their own schedule); fails after two minutes. */
    static void eventually(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(condition::getAsBoolean);
    }
}

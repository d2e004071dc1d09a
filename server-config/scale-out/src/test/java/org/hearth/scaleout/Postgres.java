package org.hearth.scaleout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for the tests: Debian's {@code postgresql} package's {@code initdb} and {@code pg_ctl}
 * (from {@code /usr/lib/postgresql/<version>/bin}), a data folder of its own in a temporary folder, its own port on
 * loopback. PostgreSQL refuses to run as root: as root, its commands run as the package's {@code postgres} user.
 */
final class Postgres {

    static final int PORT = Integer.getInteger("hearth.scale.postgres.port");
    static final String USER = "hearth";
    static final String PASSWORD = "hearth-on-postgres";
    static final String DATABASE = "hearth";

    /**
     * The settings that point an instance at this cluster, as an admin gives them to {@code bin/hearth}.
     *
     * @param demoContent whether the instance loads the demo site into an empty database (one instance does)
     */
    static Map<String, String> settings(boolean demoContent) {
        return Map.of(
                "HEARTH_DB", "postgresql",
                "HEARTH_DB_HOST", "127.0.0.1",
                "HEARTH_DB_PORT", Integer.toString(PORT),
                "HEARTH_DB_NAME", DATABASE,
                "HEARTH_DB_USER", USER,
                "HEARTH_DB_PASSWORD", PASSWORD,
                "HEARTH_DEMO_CONTENT", Boolean.toString(demoContent));
    }

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path bin;
    private final Path home;

    private Postgres(Path bin, Path home) {
        this.bin = bin;
        this.home = home;
    }

    /** The newest PostgreSQL server installed, if any. */
    static Optional<Path> installation() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
                    .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates a new cluster (superuser {@code postgres}, password logins over TCP) in the temporary folder
     * {@code hearth-postgres-<port>}, replacing one a crashed run left, starts it, and creates Hearth's account and
     * database.
     */
    static Postgres start(Path bin) throws IOException {
        var home = Path.of(System.getProperty("java.io.tmpdir"), "hearth-postgres-" + PORT);
        if (Files.exists(home)) {
            new Postgres(bin, home).destroy();
        }
        Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        if (ROOT) {
            var postgres = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(home, postgres);
        }
        var server = new Postgres(bin, home);
        server.run(bin.resolve("initdb").toString(), "-D", server.data(), "-U", "postgres", "-E", "UTF8", "--locale=C",
                "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync");
        server.restart();
        server.sql("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
        server.sql("CREATE DATABASE " + DATABASE + " OWNER " + USER);
        return server;
    }

    void stop() {
        run(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop");
    }

    /** Starts the (stopped) cluster on its port, loopback only. */
    void restart() {
        run(bin.resolve("pg_ctl").toString(), "-D", data(), "-l", home.resolve("server.log").toString(),
                "-o", "-p " + PORT + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start");
    }

    /** Stops the cluster if it runs and deletes its folder. */
    void destroy() throws IOException {
        runQuietly(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop");
        try (Stream<Path> paths = Files.walk(home)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Runs one statement in Hearth's database as the superuser; returns psql's unaligned output. */
    String query(String sql) {
        return run(bin.resolve("psql").toString(), "-h", home.toString(), "-p", Integer.toString(PORT), "-U", "postgres",
                "-d", DATABASE, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql);
    }

    private void sql(String statement) {
        run(bin.resolve("psql").toString(), "-h", home.toString(), "-p", Integer.toString(PORT), "-U", "postgres",
                "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", statement);
    }

    private String data() {
        return home.resolve("data").toString();
    }

    private String run(String... command) {
        var result = execute(command);
        if (result.status() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + result.output());
        }
        return result.output();
    }

    private void runQuietly(String... command) {
        execute(command);
    }

    private record Result(int status, String output) {
    }

    private Result execute(String... command) {
        var args = new ArrayList<String>();
        if (ROOT) {
            args.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        args.addAll(List.of(command));
        try {
            var process = new ProcessBuilder(args).directory(home.toFile()).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

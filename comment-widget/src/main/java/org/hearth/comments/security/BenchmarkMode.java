package org.hearth.comments.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.servlet.http.HttpServletRequest;

/**
 * For load tests only: lets a benchmark on one machine act as many commenters, so the per-client rate limit does not
 * cap it. It needs two keys that production never holds together: the JVM option {@value #TOKEN_PROPERTY} (a secret of
 * at least 32 characters, which only the benchmark's own domain sets) and the same secret in the request header
 * {@value #TOKEN_HEADER}. Only then does the header {@value #CLIENT_HEADER} name the simulated client. Without the JVM
 * option, or with a wrong or short secret, the headers are ignored. A server with the option set says so in its log.
 */
public final class BenchmarkMode {

    public static final String TOKEN_PROPERTY = "hearth.benchmark.token";
    public static final String TOKEN_HEADER = "X-Hearth-Benchmark";
    public static final String CLIENT_HEADER = "X-Hearth-Benchmark-Client";

    private static final int MIN_TOKEN_LENGTH = 32;
    private static final byte[] TOKEN = token();

    private BenchmarkMode() {
    }

    /** The simulated client of a benchmark request, or empty for every other request. */
    public static Optional<String> simulatedClient(HttpServletRequest request) {
        if (TOKEN.length == 0) {
            return Optional.empty();
        }
        var given = request.getHeader(TOKEN_HEADER);
        var client = request.getHeader(CLIENT_HEADER);
        if (given == null || client == null || !MessageDigest.isEqual(TOKEN, given.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(client);
    }

    private static byte[] token() {
        var value = System.getProperty(TOKEN_PROPERTY, "");
        if (value.length() < MIN_TOKEN_LENGTH) {
            return new byte[0];
        }
        Logger.getLogger(BenchmarkMode.class.getName()).warning(() -> "BENCHMARK MODE: " + TOKEN_PROPERTY
                + " is set, so requests carrying its secret may act as many commenters. Never set it in production.");
        return value.getBytes(StandardCharsets.UTF_8);
    }
}

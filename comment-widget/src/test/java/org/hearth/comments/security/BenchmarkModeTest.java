package org.hearth.comments.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class BenchmarkModeTest {

    private static HttpServletRequest requestWith(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(BenchmarkModeTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getHeader") ? headers.get((String) args[0]) : null);
    }

    @Test
    void withoutTheJvmOptionTheBenchmarkHeadersAreIgnored() {
        assertTrue(System.getProperty(BenchmarkMode.TOKEN_PROPERTY) == null, "this test runs without the option");
        var secret = "x".repeat(40);
        var request = requestWith(Map.of(BenchmarkMode.TOKEN_HEADER, secret, BenchmarkMode.CLIENT_HEADER, "poster-1"));
        assertTrue(BenchmarkMode.simulatedClient(request).isEmpty());
        assertTrue(BenchmarkMode.simulatedClient(requestWith(Map.of())).isEmpty());
    }
}

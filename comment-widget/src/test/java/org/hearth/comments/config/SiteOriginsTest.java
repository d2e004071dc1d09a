package org.hearth.comments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class SiteOriginsTest {

    /** A request to port 8080 of 10.1.2.3 naming {@code host} and {@code port} in its Host header. */
    private static HttpServletRequest request(String host, int port) {
        var answers = Map.<String, Object>of("getScheme", "http", "getServerName", host, "getServerPort", port,
                "getLocalPort", 8080, "getLocalAddr", "10.1.2.3", "getContextPath", "/blog");
        return (HttpServletRequest) Proxy.newProxyInstance(SiteOriginsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> answers.get(method.getName()));
    }

    @Test
    void aHostNamingThisMachineOnTheRequestsPortIsTheSitesAddress() {
        assertEquals("http://localhost:8080/blog", SiteOrigins.requestBase(request("localhost", 8080)));
        assertEquals("http://127.0.0.1:8080/blog", SiteOrigins.requestBase(request("127.0.0.1", 8080)));
        assertEquals("http://[::1]:8080/blog", SiteOrigins.requestBase(request("[::1]", 8080)));
    }

    @Test
    void aForgedHostGivesWayToTheAddressTheConnectionCameTo() {
        assertEquals("http://10.1.2.3:8080/blog", SiteOrigins.requestBase(request("evil.example", 8080)));
        assertEquals("http://10.1.2.3:8080/blog", SiteOrigins.requestBase(request("localhost", 6666)),
                "another port of this machine is not the site either");
    }

    @Test
    void anOriginIsTheSchemeAndAuthorityOfAnHttpUrlOnly() {
        assertEquals(Optional.of("https://blog.example.org"), SiteOrigins.origin(URI.create("HTTPS://Blog.Example.org/posts/x?y#z")));
        assertEquals(Optional.of("http://localhost:8080"), SiteOrigins.origin(URI.create("http://localhost:8080/")));
        assertTrue(SiteOrigins.origin(URI.create("javascript:alert(1)")).isEmpty());
        assertTrue(SiteOrigins.origin(URI.create("/relative/page")).isEmpty());
        assertTrue(SiteOrigins.origin(URI.create("https://blog.example.org@evil.example/")).isEmpty(), "no user info");
    }
}

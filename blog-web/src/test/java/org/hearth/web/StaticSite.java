package org.hearth.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Another site for browser tests: a web server on both loopback names at a port of its own, serving the last page it
 * was given (a site owner's plain HTML page embedding the widget, a trap posting a form).
 */
final class StaticSite {

    private final HttpServer server;
    private volatile byte[] page = new byte[0];

    StaticSite() {
        try {
            server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Serves this page from now on; answers its address on this host name. */
    String serve(String host, String html) {
        page = html.getBytes(StandardCharsets.UTF_8);
        return "http://" + host + ":" + port() + "/page.html";
    }

    void stop() {
        server.stop(0);
    }
}

package org.hearth.web.health;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a request that offers an HTTP/2 upgrade ({@code Upgrade: h2c}, as Java's HTTP client does) be answered in
 * HTTP/1.1 with its body intact. The domain turns HTTP/2 over plain HTTP off (server-config's domain.asadmin: GlassFish
 * 8.0.0 kept the buffers of every such request), and GlassFish then ignores the upgrade but hands the body on without
 * its end: reading it waited for the connection's 30 s timeout. Here the body ends after its {@code Content-Length}.
 */
public class PlainHttpUpgrade extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var length = request.getContentLengthLong();
        if (request.getHeader("Upgrade") == null || length < 0) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new BoundedBody(request, length), response);
    }

    /** A request whose body ends after {@code length} bytes. */
    private static final class BoundedBody extends HttpServletRequestWrapper {

        private final long length;
        private ServletInputStream body;

        BoundedBody(HttpServletRequest request, long length) {
            super(request);
            this.length = length;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = bounded(super.getInputStream(), length);
            }
            return body;
        }
    }

    private static ServletInputStream bounded(ServletInputStream in, long length) {
        return new ServletInputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                left = b < 0 ? 0 : left - 1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(buffer, offset, (int) Math.min(count, left));
                left = n < 0 ? 0 : left - n;
                return n;
            }

            @Override
            public boolean isFinished() {
                return left <= 0;
            }

            @Override
            public boolean isReady() {
                return left <= 0 || in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }
        };
    }
}

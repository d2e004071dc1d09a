package org.hearth.web.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.hearth.comments.host.PageHints;

/**
 * A response whose body is kept in memory until {@link #finish} writes it out, so that it can also be kept by the
 * {@link PageCache}. Status and headers go to the wrapped response at once.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean diverted;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was called already");
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("A captured response is written synchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() was called already");
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        diverted = true;
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        diverted = true;
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        diverted = true;
        super.sendRedirect(location);
    }

    @Override
    public void flushBuffer() {
        // kept until finish()
    }

    @Override
    public void resetBuffer() {
        body.reset();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        body.reset();
        super.reset();
    }

    @Override
    public void setContentLength(int length) {
        // the length is set when the body is written out
    }

    @Override
    public void setContentLengthLong(long length) {
        // the length is set when the body is written out
    }

    /** The body written so far. */
    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return body.toByteArray();
    }

    /**
     * Whether the response is a complete page: status 200, no error or redirect, no cookie set but the form's (which
     * binds the form token to the browser; every reader of a kept page gets a token and, lacking one, that cookie anew).
     */
    boolean isPage() {
        return !diverted && getStatus() == SC_OK
                && getHeaders("Set-Cookie").stream().allMatch(cookie -> cookie.startsWith(PageHints.FORM_COOKIE + "="));
    }

    /** Writes the body to the wrapped response (unless an error page or redirect took its place). */
    void finish() throws IOException {
        var bytes = body();
        if (diverted || bytes.length == 0) {
            return;
        }
        var response = (HttpServletResponse) getResponse();
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}

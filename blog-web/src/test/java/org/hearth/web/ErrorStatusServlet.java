package org.hearth.web;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Added to test deployments only: {@code /it/status?code=503} answers that error status through the container, so
 * that a test sees the error page a reader gets for it (400, 403, 404, 500, 503) without causing the error.
 */
@WebServlet("/it/status")
public class ErrorStatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var code = Integer.parseInt(request.getParameter("code"));
        if (code < 400 || code > 599) {
            throw new IllegalArgumentException("Not an error status: " + code);
        }
        response.sendError(code);
    }
}

package org.hearth.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Added to test deployments only: {@code /test/broken} always fails, to show what a reader sees of a 500. */
@WebServlet("/test/broken")
public class BrokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        throw new IllegalStateException("A failure made on purpose by BrokenServlet");
    }
}

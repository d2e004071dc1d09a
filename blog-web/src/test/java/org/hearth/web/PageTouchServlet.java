package org.hearth.web;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.web.cache.PageChanged;

/**
 * Added to test deployments only: {@code POST /test/touch?path=/posts/x} fires {@link PageChanged} for that page, as
 * the comment widget's wiring does when a comment is approved.
 */
@WebServlet("/test/touch")
public class PageTouchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient Event<PageChanged> changes;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        changes.fire(new PageChanged(request.getParameter("path")));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}

package org.hearth.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.comment.CommentModeration;

/** Added to test deployments only: {@code POST /test/approve?id=12} approves comment 12, as a moderator would. */
@WebServlet("/test/approve")
public class ApproveServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient CommentModeration comments;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        comments.approve(Long.parseLong(request.getParameter("id")));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}

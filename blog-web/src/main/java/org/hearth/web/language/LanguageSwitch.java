package org.hearth.web.language;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /language?to=de&back=/posts/x}: the language links of every reader page. Keeps the reader's choice in
 * the {@value ReaderLanguages#COOKIE} cookie for a year (no account needed) and answers {@code 303} back to the page,
 * which then speaks it. Only a language the site has is kept, and only a path of this site is gone back to.
 */
@WebServlet("/language")
public class LanguageSwitch extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int YEAR_SECONDS = 365 * 24 * 3600;
    private static final int BACK_MAX = 2000;

    @Inject
    private ReaderLanguages languages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var language = languages.find(request.getParameter("to"));
        if (language.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        var cookie = new Cookie(ReaderLanguages.COOKIE, language.get().toLanguageTag());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(YEAR_SECONDS);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + back(request.getParameter("back")));
    }

    /** The page to go back to: a path of this site (no scheme, no other host, no line breaks), else the home page. */
    static String back(String back) {
        if (back == null || back.length() > BACK_MAX || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || !back.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return "/";
        }
        return back;
    }
}

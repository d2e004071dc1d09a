package org.hearth.comments.share;

import java.io.IOException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.host.Languages;
import org.hearth.comments.render.Html;
import org.hearth.comments.render.Messages;
import org.hearth.comments.thread.CommentThread;

/**
 * The small page behind the Mastodon share link for readers without JavaScript: it asks for their server, then shows
 * a link to that server's share page (a link the reader follows, never a redirect to a host taken from a request).
 */
@ApplicationScoped
public class MastodonPage {

    void ask(HttpServletRequest request, HttpServletResponse response, CommentThread thread, String typed, boolean invalid)
            throws IOException {
        var text = messages(request);
        var action = request.getContextPath() + "/share/mastodon";
        var errorId = invalid ? " aria-invalid=\"true\" aria-describedby=\"hc-instance-error\"" : "";
        write(request, response, thread, text, """
                <h1>%s</h1>
                <p>%s</p>
                <form method="get" action="%s">
                  <input type="hidden" name="thread" value="%s">
                  <input type="hidden" name="lang" value="%s">
                  <p><label for="hc-instance">%s</label><br>
                  <input id="hc-instance" name="instance" value="%s" placeholder="mastodon.social" autocomplete="url" required%s></p>
                  %s
                  <p><button type="submit">%s</button></p>
                </form>
                """.formatted(Html.escape(text.get("share.mastodon.go")), Html.escape(text.get("mastodon.page.question")), Html.escape(action),
                Html.escape(thread.getKey()), Html.escape(text.locale().toLanguageTag()), Html.escape(text.get("share.mastodon.server")),
                Html.escape(typed == null ? "" : typed), errorId,
                invalid ? "<p id=\"hc-instance-error\" class=\"hc-error\" role=\"alert\">" + Html.escape(text.get("share.mastodon.invalid")) + "</p>" : "",
                Html.escape(text.get("mastodon.page.continue"))));
    }

    void proceed(HttpServletRequest request, HttpServletResponse response, CommentThread thread, String instance, String intent)
            throws IOException {
        var text = messages(request);
        write(request, response, thread, text, """
                <h1>%s</h1>
                <p><a class="hc-continue" href="%s" rel="noopener nofollow">%s</a></p>
                """.formatted(Html.escape(text.get("share.mastodon.go")), Html.escape(intent),
                Html.escape(text.get("mastodon.page.proceed", instance, thread.getTitle()))));
    }

    /** The language the share link names (that of the page it was on), else the one the browser prefers. */
    private static Messages messages(HttpServletRequest request) {
        var languages = Languages.of();
        return Messages.of(languages.find(request.getParameter("lang"))
                .or(() -> languages.negotiate(request.getHeader("Accept-Language"))).orElse(Locale.ENGLISH));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, CommentThread thread, Messages text, String main)
            throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="%s" dir="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s · %s</title>
                <link rel="stylesheet" href="%s/hearth-comments/share.css">
                </head>
                <body class="hc-page">
                <main class="hc-page-main">
                %s<p><a href="%s">%s</a></p>
                </main>
                </body>
                </html>
                """.formatted(Html.escape(text.locale().toLanguageTag()), Languages.direction(text.locale()), Html.escape(text.get("share.mastodon.go")),
                Html.escape(thread.getTitle()), Html.escape(request.getContextPath()), main, Html.escape(thread.getUrl()),
                Html.escape(text.get("mastodon.page.back", thread.getTitle()))));
    }
}

package org.hearth.comments.share;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.thread.CommentThread;

/**
 * The small page behind the Mastodon share link for readers without JavaScript: it asks for their server, then shows
 * a link to that server's share page (a link the reader follows, never a redirect to a host taken from a request).
 */
@ApplicationScoped
public class MastodonPage {

    void ask(HttpServletRequest request, HttpServletResponse response, CommentThread thread, String typed, String error)
            throws IOException {
        var action = request.getContextPath() + "/share/mastodon";
        var errorId = error.isEmpty() ? "" : " aria-invalid=\"true\" aria-describedby=\"hc-instance-error\"";
        write(request, response, thread, """
                <h1>Share on Mastodon</h1>
                <p>Mastodon is many servers. Which one is yours?</p>
                <form method="get" action="%s">
                  <input type="hidden" name="thread" value="%s">
                  <p><label for="hc-instance">Your Mastodon server</label><br>
                  <input id="hc-instance" name="instance" value="%s" placeholder="mastodon.social" autocomplete="url" required%s></p>
                  %s
                  <p><button type="submit">Continue</button></p>
                </form>
                """.formatted(escape(action), escape(thread.getKey()), escape(typed == null ? "" : typed), errorId,
                error.isEmpty() ? "" : "<p id=\"hc-instance-error\" class=\"hc-error\" role=\"alert\">" + escape(error) + "</p>"));
    }

    void proceed(HttpServletRequest request, HttpServletResponse response, CommentThread thread, String instance, String intent)
            throws IOException {
        write(request, response, thread, """
                <h1>Share on Mastodon</h1>
                <p><a class="hc-continue" href="%s" rel="noopener nofollow">Continue to %s to share “%s”</a></p>
                """.formatted(escape(intent), escape(instance), escape(thread.getTitle())));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, CommentThread thread, String main)
            throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>Share on Mastodon · %s</title>
                <link rel="stylesheet" href="%s/hearth-comments/share.css">
                </head>
                <body class="hc-page">
                <main class="hc-page-main">
                %s<p><a href="%s">Back to “%s”</a></p>
                </main>
                </body>
                </html>
                """.formatted(escape(thread.getTitle()), escape(request.getContextPath()), main, escape(thread.getUrl()),
                escape(thread.getTitle())));
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package org.hearth.web.language;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.hearth.comments.host.Languages;

/** The language links of reader pages and the writing direction of the page ({@code #{languageMenu}}). */
@Named
@RequestScoped
public class LanguageMenu {

    /**
     * One language link.
     *
     * @param tag     its language tag, such as {@code de}
     * @param name    its name in itself, such as {@code Deutsch}
     * @param href    the address that switches to it and comes back here
     * @param current whether the page speaks it
     */
    public record Link(String tag, String name, String href, boolean current) {
    }

    @Inject
    private HttpServletRequest request;

    @Inject
    private ReaderLanguages languages;

    /** {@code rtl} for a language written from right to left, else {@code ltr}. */
    public String getDirection() {
        return Languages.direction(languages.of(request));
    }

    /** The page's language tag, such as {@code ar}. */
    public String getTag() {
        return languages.of(request).toLanguageTag();
    }

    public List<Link> getLinks() {
        var current = languages.of(request);
        var back = URLEncoder.encode(here(), StandardCharsets.UTF_8);
        return languages.available().stream().map(l -> new Link(l.toLanguageTag(), Languages.nativeName(l),
                request.getContextPath() + "/language?to=" + l.toLanguageTag() + "&back=" + back, l.equals(current))).toList();
    }

    /** This page's path and query as the reader asked for it (before the clean-address forward). */
    private String here() {
        var forwarded = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        var uri = forwarded != null ? forwarded : request.getRequestURI();
        var query = forwarded != null ? (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING) : request.getQueryString();
        var path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return LanguageSwitch.back(query == null ? path : path + "?" + query);
    }
}

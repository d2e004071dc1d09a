package org.hearth.comments.host;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hearth.comments.comment.AuthorsView;
import org.hearth.comments.security.BenchmarkMode;
import org.hearth.comments.security.OwnComments;
import org.hearth.comments.security.Visitors;
import org.hearth.comments.thread.ThreadRevisions;

/**
 * What a host that keeps rendered pages, or answers with HTTP validators, needs to know about the discussion a page
 * shows. A page with a discussion may be kept and shared between readers while
 * <ul>
 * <li>the discussion's {@link #revision} is the one it was rendered at,</li>
 * <li>the reader proves no comment of their own that the page shows to them alone ({@link #authorSeesOwnComments}),
 *     and</li>
 * <li>each reader gets a form token of their own ({@link #formToken}) where the kept page had one.</li>
 * </ul>
 * The discussion reads its sort and page from the query parameters {@value #SORT_PARAMETER} ({@link #SORTS}, any
 * case; {@code oldest} is the default) and {@value #PAGE_PARAMETER} (from 0).
 */
@ApplicationScoped
public class PageHints {

    /** The query parameter of the discussion's order. */
    public static final String SORT_PARAMETER = "hc-sort";

    /** The query parameter of the discussion's page, from 0. */
    public static final String PAGE_PARAMETER = "hc-page";

    /** The orders other than the default ({@code oldest}), as {@value #SORT_PARAMETER} names them. */
    public static final Set<String> SORTS = Set.of("newest", "top");

    /** The cookie that binds form tokens to a browser: a response that sets only it may still be kept for others. */
    public static final String FORM_COOKIE = Visitors.FORM_COOKIE;

    /**
     * A discussion's revision.
     *
     * @param number    changes with every change of what the discussion shows
     * @param changedAt when it last changed, as far as this server knows
     */
    public record Revision(long number, Instant changedAt) {
    }

    @Inject
    private ThreadRevisions revisions;

    @Inject
    private Visitors visitors;

    @Inject
    private AuthorsView authorsView;

    /** The current revision of the discussion with this thread key (also of one nobody commented on yet). */
    public Revision revision(String threadKey) {
        var revision = revisions.of(threadKey);
        return new Revision(revision.number(), revision.changedAt());
    }

    /**
     * Whether other servers may change discussions in the widget's database: then anything a host keeps about data it
     * shares with the widget must be checked against the database too.
     */
    public boolean isDatabaseShared() {
        return revisions.isShared();
    }

    /** Whether the request carries proofs of comments of its own (not yet checked): a cheap first test. */
    public boolean carriesOwnComments(HttpServletRequest request) {
        return ownCommentsProof(request).isPresent() || request.getHeader(OwnComments.HEADER) != null;
    }

    /** The browser's cookie of proofs of its own comments (not yet checked), if it has one. */
    public Optional<String> ownCommentsProof(HttpServletRequest request) {
        return Optional.ofNullable(Visitors.cookie(request, OwnComments.COOKIE));
    }

    /**
     * Whether the request proves (signatures checked) comments of its own that the discussion with this key shows
     * differently to their author (pending, or still editable); with no key, whether it proves any comment.
     */
    public boolean authorSeesOwnComments(HttpServletRequest request, String threadKey) {
        if (!carriesOwnComments(request)) {
            return false;
        }
        var own = visitors.ownIds(request);
        return !own.isEmpty() && (threadKey == null || authorsView.differs(threadKey, own));
    }

    /** A keyed fingerprint of the request's network address (never the address itself), for per-client budgets. */
    public String clientHash(HttpServletRequest request) {
        return visitors.clientHash(request);
    }

    /** The form token the widget put into the page this request rendered, if it rendered a comment form. */
    public Optional<String> formTokenOfThisRequest(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(Visitors.FORM_TOKEN));
    }

    /** A fresh form token for this reader (setting {@value #FORM_COOKIE} if the browser has none yet). */
    public String formToken(HttpServletRequest request, HttpServletResponse response) {
        return visitors.formToken(request, response);
    }

    /**
     * Whether the request is a load test's (see {@link BenchmarkMode}: only on a server started with the benchmark's
     * secret); a host renders it like a signed-in reader's page, so the benchmark measures the rendered path.
     */
    public static boolean isBenchmark(HttpServletRequest request) {
        return BenchmarkMode.simulatedClient(request).isPresent();
    }
}

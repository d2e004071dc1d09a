package org.hearth.comments.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The widget's JSON API, under {@code /api} of the host's context root: {@code GET/POST /api/comments} and
 * {@code GET /api/counts}. Its resources are found by scanning; the host needs no configuration.
 */
@ApplicationPath("api")
public class CommentsApi extends Application {
}

package org.hearth.comments.api;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.hearth.comments.config.CommentSettings;
import org.hearth.comments.config.SiteOrigins;
import org.hearth.comments.host.RefusedOrigins;
import org.hearth.comments.security.OwnComments;
import org.hearth.comments.web.DiscussionResource;

/**
 * CORS for embed.js on other sites: only the origins configured in {@value CommentSettings#EMBED_ORIGINS} may call the
 * API from their pages' scripts; any other origin gets no CORS headers, so browsers keep its scripts out, and is
 * counted among the {@link RefusedOrigins} that the host's console names.
 */
@Provider
public class EmbedOrigins implements ContainerResponseFilter {

    @Inject
    private CommentSettings settings;

    @Inject
    private SiteOrigins origins;

    @Inject
    private RefusedOrigins refused;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        var origin = request.getHeaderString("Origin");
        response.getHeaders().add("Vary", "Origin");
        if (origin != null && settings.embedOrigins().contains(origin)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            response.getHeaders().putSingle("Access-Control-Allow-Headers", "Content-Type, " + OwnComments.HEADER + ", "
                    + DiscussionResource.SCRIPT_HEADER);
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "Location, " + DiscussionResource.FORM_HEADER + ", "
                    + DiscussionResource.OWNER_HEADER);
            response.getHeaders().putSingle("Access-Control-Max-Age", "600");
        } else if (origin != null && !origins.isSiteOrigin(origin, servletRequest)) {
            refused.refused(origin);
        }
    }
}

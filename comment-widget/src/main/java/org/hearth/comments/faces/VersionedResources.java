package org.hearth.comments.faces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ResourceWrapper;

/**
 * Gives the widget's Faces resources (libraries {@code hearth} and {@code hearth-comments}: its style sheets and scripts,
 * and a Hearth site's own) addresses that change with their content ({@code &rev=} and the start of their SHA-256), so
 * that a browser which keeps them for days fetches the new ones right after an upgrade, and every instance of a site
 * gives the same address for the same bytes.
 */
public class VersionedResources extends ResourceHandlerWrapper {

    /** The request parameter that carries the content's hash (not {@code v}: Faces reads that as a library version). */
    static final String PARAMETER = "rev";

    private static final Set<String> LIBRARIES = Set.of("hearth", "hearth-comments");

    private final ConcurrentMap<String, String> revisions = new ConcurrentHashMap<>();

    public VersionedResources(ResourceHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Resource createResource(String name, String library) {
        return versioned(super.createResource(name, library), library);
    }

    @Override
    public Resource createResource(String name, String library, String contentType) {
        return versioned(super.createResource(name, library, contentType), library);
    }

    private Resource versioned(Resource resource, String library) {
        return resource == null || library == null || !LIBRARIES.contains(library) ? resource : new Versioned(resource);
    }

    /** The first 12 hexadecimal digits of the SHA-256 of a resource's bytes, once per resource. */
    private String revision(Resource resource) {
        return revisions.computeIfAbsent(resource.getLibraryName() + '/' + resource.getResourceName(), key -> {
            try (InputStream in = resource.getInputStream()) {
                var digest = MessageDigest.getInstance("SHA-256");
                digest.update(in.readAllBytes());
                return HexFormat.of().formatHex(digest.digest(), 0, 6);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the resource " + key, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        });
    }

    private final class Versioned extends ResourceWrapper {

        Versioned(Resource wrapped) {
            super(wrapped);
        }

        @Override
        public String getRequestPath() {
            var path = getWrapped().getRequestPath();
            return path + (path.indexOf('?') < 0 ? '?' : '&') + PARAMETER + '=' + revision(getWrapped());
        }
    }
}

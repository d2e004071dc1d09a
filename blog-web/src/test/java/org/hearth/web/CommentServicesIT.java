package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.hearth.comments.schema.CommentsSchema;
import org.hearth.comments.thread.CommentThreadService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The comment widget's services inside GlassFish, on the real Derby database and the widget's migrated schema. */
@ExtendWith(ArquillianExtension.class)
class CommentServicesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.hearthWar("comment-services-it", CommentServicesIT.class);
    }

    @Inject
    private CommentThreadService threads;

    @Inject
    private CommentsSchema schema;

    private static String newKey() {
        return "/it/" + UUID.randomUUID();
    }

    @Test
    void threadIsRegisteredOnceAndFollowsItsPageTitleAndUrl() {
        var key = newKey();
        var first = threads.register(key, "First title", "https://example.org/a");
        var again = threads.register(key, "Renamed", "https://example.org/b");

        assertEquals(first.getId(), again.getId());
        var found = threads.find(key).orElseThrow();
        assertEquals("Renamed", found.getTitle());
        assertEquals("https://example.org/b", found.getUrl());
    }

    @Test
    void unknownThreadIsNotFound() {
        assertTrue(threads.find(newKey()).isEmpty());
    }

    @Test
    void widgetMigrationsAreUpToDateAfterDeployment() {
        assertEquals(0, schema.migrate(), "deployment already ran every widget migration");
    }
}

package org.hearth.web.site;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.hearth.blog.schema.SchemaReady;
import org.hearth.comments.host.WidgetDatabase;

/**
 * Brings the comment widget's tables up to date together with the blog's: when the database did not answer at
 * startup, the blog's migrations retry until it does, and the widget's follow before anything else uses them.
 */
@ApplicationScoped
public class WidgetSchema {

    @Inject
    private WidgetDatabase comments;

    void catchUp(@Observes @Priority(Interceptor.Priority.APPLICATION - 100) SchemaReady ready) {
        comments.catchUp();
    }
}

package org.hearth.comments.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hearth.comments.schema.CommentsSchema;
import org.hearth.comments.schema.DatabaseFaults;

/**
 * The widget's database as a host sees it: its tables are brought up to date when the application starts; a host that
 * waits for its database to answer (Hearth does) calls {@link #catchUp()} once it does, and may tell a failure of the
 * database from a bug ({@link #isDatabaseFault}) to answer {@code 503} rather than {@code 500}.
 */
@ApplicationScoped
public class WidgetDatabase {

    @Inject
    private CommentsSchema schema;

    /** Runs the widget's pending migrations unless they ran already in this application. */
    public void catchUp() {
        schema.migrateIfNeeded();
    }

    /** Whether this failure (or one of its causes) says the database did not answer or refused to write. */
    public static boolean isDatabaseFault(Throwable problem) {
        return DatabaseFaults.isDatabaseFault(problem);
    }
}

package org.hearth.web.site;

import jakarta.persistence.PersistenceUnit;
import jakarta.servlet.annotation.WebListener;

import org.hearth.blog.schema.BlogSchema;
import org.hearth.comments.host.OfflineUnitCleanup;

/** Closes the blog's persistence unit when the application stops, if GlassFish forgot it (see {@link OfflineUnitCleanup}). */
@WebListener
@PersistenceUnit(name = "persistence/hearth-blog", unitName = "hearth-blog")
public class BlogUnitCleanup extends OfflineUnitCleanup {

    public BlogUnitCleanup() {
        super("persistence/hearth-blog", BlogSchema::deployedOffline);
    }
}

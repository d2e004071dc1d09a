package org.hearth.web.site;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import org.hearth.blog.schema.BlogSchema;

/**
 * What the site does as the web application starts: schedules the blog's migrations (see
 * {@link BlogSchema#migrateAtStartup()}), and gives the session cookie {@code SameSite=Lax} through the Servlet API
 * (GlassFish 8.0.0 ignores the attribute in {@code web.xml}, with a warning; {@link SiteProtection} adds it on every
 * response as well).
 */
@WebListener
public class SiteStartup implements ServletContextListener {

    @Inject
    private BlogSchema schema;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
        schema.migrateAtStartup();
    }
}

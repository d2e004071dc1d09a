package org.hearth.blog.schema;

/**
 * The CDI event {@link BlogSchema} fires once the blog's tables are up to date, at startup or, when the database did
 * not answer then, as soon as it does. Observe it (instead of the application's start) to touch the database early.
 *
 * @param version the version of the blog's newest migration, which the database has now
 */
public record SchemaReady(String version) {
}

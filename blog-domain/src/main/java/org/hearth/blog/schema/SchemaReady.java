package org.hearth.blog.schema;

/**
 * The CDI event {@link BlogSchema} fires once the blog's tables are up to date, at startup or, when the database did
 * not answer then, as soon as it does. Observe it (instead of the application's start) to touch the database early.
 *
 * @param version the schema version the database is at now
 */
public record SchemaReady(String version) {
}

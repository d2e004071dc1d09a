package org.hearth.comments.schema;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Values of native queries, whatever Java type the persistence provider gives a column. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code TIMESTAMP} column's value as an instant (EclipseLink gives a Timestamp, Hibernate may give java.time). */
    public static Instant instant(Object value) {
        return switch (value) {
            case Timestamp timestamp -> timestamp.toInstant();
            case Instant instant -> instant;
            case LocalDateTime local -> Timestamp.valueOf(local).toInstant();
            case OffsetDateTime offset -> offset.toInstant();
            default -> Instant.parse(value.toString());
        };
    }
}

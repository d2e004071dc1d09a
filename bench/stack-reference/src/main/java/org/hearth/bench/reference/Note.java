package org.hearth.bench.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one entity: a start reads it once, as Hearth reads its posts. */
@Entity
@Table(name = "STACK_REFERENCE_NOTE")
public class Note {

    @Id
    @GeneratedValue
    private Long id;

    private String text;

    protected Note() {
    }

    public String getText() {
        return text;
    }
}

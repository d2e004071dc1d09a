package org.hearth.bench.reference;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Backs index.xhtml: one query through a container-managed persistence unit. */
@Named
@RequestScoped
public class NotesPage {

    @PersistenceContext
    private EntityManager entityManager;

    public List<Note> getNotes() {
        return entityManager.createQuery("select n from Note n", Note.class).getResultList();
    }
}

package org.hearth.web.console;

import java.util.Optional;

import jakarta.faces.context.FacesContext;

/**
 * The button a console form was submitted with: {@code <button name="decision" value="VERB:target">}. Console forms are
 * Faces forms (their view state is checked), but their buttons carry the decision themselves, so that a list that
 * changed since it was shown can never turn a click into a decision about another comment.
 *
 * @param verb   what to do, in upper case
 * @param target the comment id (or other key) it applies to
 */
record Decision(String verb, String target) {

    static final String PARAM = "decision";

    /** The decision of this postback; empty on a GET or a post without the view state. */
    static Optional<Decision> of(FacesContext faces) {
        if (!faces.isPostback()) {
            return Optional.empty();
        }
        var value = faces.getExternalContext().getRequestParameterMap().get(PARAM);
        if (value == null || value.indexOf(':') < 1) {
            return Optional.empty();
        }
        var at = value.indexOf(':');
        return Optional.of(new Decision(value.substring(0, at), value.substring(at + 1)));
    }

    /** The target as an id, or empty when it is not a number. */
    Optional<Long> id() {
        try {
            return Optional.of(Long.parseLong(target));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

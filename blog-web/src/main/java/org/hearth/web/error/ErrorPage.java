package org.hearth.web.error;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

/**
 * The error pages' backing bean. For a {@code 500} it gives the failure an incident id, logs the failure with it
 * (level SEVERE, with the exception and the address), and the page shows the id so a reader can quote it; the
 * reader never sees the exception itself.
 */
@Named
@RequestScoped
public class ErrorPage {

    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private FacesContext faces;

    private String incident;

    /** The id of this failure, such as {@code 5f2c9a31e07b}; logged with it the first time it is asked for. */
    public String getIncident() {
        if (incident == null) {
            var bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            incident = HexFormat.of().formatHex(bytes);
            var request = faces.getExternalContext().getRequestMap();
            var failure = (Throwable) request.get(RequestDispatcher.ERROR_EXCEPTION);
            var address = request.get(RequestDispatcher.ERROR_REQUEST_URI);
            LOG.log(Level.SEVERE, failure, () -> "Incident " + incident + " at " + address);
            faces.getExternalContext().setResponseHeader("Cache-Control", "no-store");
        }
        return incident;
    }
}

package org.hearth.web.error;

import java.util.logging.Logger;

import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;

/**
 * Turns a form whose view state cannot be restored (expired, from before a restart, altered or made up) into a
 * {@code 400} with a page that asks to reload, logged in one line: it is the sender's mistake or mischief, not the
 * site's failure. Every other exception goes on to the error pages as before (a {@code 500} with an incident id).
 */
public class FacesErrors extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(FacesErrors.class.getName());

    FacesErrors(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        var events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            var context = (ExceptionQueuedEventContext) events.next().getSource();
            if (isUnrestorableView(context)) {
                events.remove();
                refuse(context.getContext(), context.getException());
                break;
            }
        }
        getWrapped().handle();
    }

    private static boolean isUnrestorableView(ExceptionQueuedEventContext context) {
        for (var cause = context.getException(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException || cause instanceof ProtectedViewException) {
                return true;
            }
        }
        return PhaseId.RESTORE_VIEW.equals(context.getPhaseId()) && context.getContext().isPostback();
    }

    private static void refuse(FacesContext faces, Throwable problem) {
        var external = faces.getExternalContext();
        var root = problem;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        var cause = root;
        LOG.info(() -> "A form of " + external.getRequestServletPath() + " could not be restored (" + cause.getClass().getSimpleName()
                + "): answered 400");
        if (!external.isResponseCommitted()) {
            try {
                external.responseReset();
                external.getRequestMap().put(RefusedRequests.REASON, "expired");
                external.responseSendError(400, null);
            } catch (java.io.IOException e) {
                LOG.fine(() -> "Could not answer 400: " + e);
            }
        }
        faces.responseComplete();
    }

    /** Installs {@link FacesErrors} (named in faces-config.xml). */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new FacesErrors(getWrapped().getExceptionHandler());
        }
    }
}

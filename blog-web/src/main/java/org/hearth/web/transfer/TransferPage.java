package org.hearth.web.transfer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.hearth.web.Messages;

/**
 * The console's import page ({@code /console/transfer/}, admins only): the upload form, and the import named by the
 * {@code job} parameter while it runs (a progress bar; the page reloads itself every two seconds, without script) and
 * its summary once it has ended, its failure and errors in the reader's language (whoever started it).
 */
@Named
@RequestScoped
public class TransferPage {

    @Inject
    private HttpServletRequest request;

    @Inject
    private TransferJobs jobs;

    @Inject
    private Messages messages;

    private ImportJob job;
    private boolean looked;

    /** The import this page follows, or null. */
    public ImportJob getJob() {
        if (!looked) {
            looked = true;
            var id = request.getParameter("job");
            job = id == null ? null : jobs.find(id).orElse(null);
        }
        return job;
    }

    /** Why the import this page follows failed, in the reader's language; null when it did not. */
    public String getFailure() {
        var failure = getJob() == null ? null : getJob().getFailure();
        return failure == null ? null : messages.text(failure);
    }

    /** The entries the import this page follows did not import, each with its reason, in the reader's language. */
    public java.util.List<String> getErrors() {
        return getJob() == null ? java.util.List.of() : getJob().getErrors().stream().map(messages::text).toList();
    }

    /** The refusals of an upload the page says (the servlet names one in {@code refused}). */
    static final java.util.Set<String> REFUSALS = java.util.Set.of("multipart-required", "too-large", "no-file", "import-running");

    /** Why the upload that led here was refused, in the admin's language; null when none was. */
    public String getRefusal() {
        var reason = request.getParameter("refused");
        return reason == null || !REFUSALS.contains(reason) ? null : messages.text("transfer.refused." + reason, getMaxMegabytes());
    }

    /** Whether the page names an import this server does not know (any more). */
    public boolean isUnknownJob() {
        return request.getParameter("job") != null && getJob() == null;
    }

    /** The imports this server keeps (the one this page follows among them), newest first. */
    public java.util.List<ImportJob> getRecent() {
        return jobs.recent();
    }

    public int getMaxMegabytes() {
        return TransferServlet.MAX_MEGABYTES;
    }

    public String getAction() {
        return request.getContextPath() + TransferServlet.PATH + "/import";
    }
}

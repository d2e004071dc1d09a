package org.hearth.web.console;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hearth.comments.host.MailRecord;
import org.hearth.comments.host.WidgetMail;

/** The delivery log ({@code /console/mail/}, admins): the latest e-mails, whether they went out, and why not. */
@Named
@RequestScoped
public class MailLogPage {

    @Inject
    private WidgetMail outbox;

    private List<MailRecord> mails;

    public List<MailRecord> getMails() {
        if (mails == null) {
            mails = outbox.recent(200);
        }
        return mails;
    }
}

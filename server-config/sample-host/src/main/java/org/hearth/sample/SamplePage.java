package org.hearth.sample;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The sample's one article: its thread key, title and canonical address, as the widget's tags want them. */
@Named
@RequestScoped
public class SamplePage {

    /** The key of the article's discussion. */
    public static final String THREAD = "sample/welcome";

    public String getThread() {
        return THREAD;
    }

    public String getTitle() {
        return "Welcome to the sample site";
    }

    /** The article's absolute address: this application's root on the host the reader asked for. */
    public String getUrl() {
        var request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        var url = request.getRequestURL();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath() + "/";
    }
}

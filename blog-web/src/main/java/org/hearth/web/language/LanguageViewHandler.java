package org.hearth.web.language;

import java.util.Locale;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** Gives every view the language of its request ({@link ReaderLanguages}) instead of Faces' own choice. */
public class LanguageViewHandler extends ViewHandlerWrapper {

    public LanguageViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        if (context.getExternalContext().getRequest() instanceof HttpServletRequest request) {
            return CDI.current().select(ReaderLanguages.class).get().of(request);
        }
        return super.calculateLocale(context);
    }
}

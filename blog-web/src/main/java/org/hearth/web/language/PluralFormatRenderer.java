package org.hearth.web.language;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIOutput;
import jakarta.faces.component.UIParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.render.Renderer;

/**
 * Renders {@code <h:outputFormat>} with ICU's {@link MessageFormat} instead of the JDK's, so that the bundles' patterns
 * may use CLDR plural categories ({@code {0, plural, one {# post} other {# posts}}}: Arabic has six) and format numbers
 * in the view's language. Each pattern is parsed once per language.
 */
public class PluralFormatRenderer extends Renderer {

    private static final Map<Locale, Map<String, MessageFormat>> FORMATS = new ConcurrentHashMap<>();

    /** The text of {@code pattern} in {@code locale} with {@code arguments} filled in. */
    public static String format(Locale locale, String pattern, Object... arguments) {
        var format = FORMATS.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(pattern, p -> new MessageFormat(p, ULocale.forLocale(locale)));
        // A MessageFormat is not safe for threads: each use formats with a copy of the parsed one.
        return ((MessageFormat) format.clone()).format(arguments);
    }

    @Override
    public void encodeChildren(FacesContext context, UIComponent component) {
        // the parameters are read in encodeEnd
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        if (!component.isRendered() || !(((UIOutput) component).getValue() instanceof Object value)) {
            return;
        }
        var arguments = new ArrayList<Object>();
        for (var child : component.getChildren()) {
            if (child instanceof UIParameter parameter && !parameter.isDisable()) {
                arguments.add(parameter.getValue());
            }
        }
        var text = arguments.isEmpty() ? value.toString() : format(context.getViewRoot().getLocale(), value.toString(), arguments.toArray());
        var writer = context.getResponseWriter();
        if (Boolean.FALSE.equals(component.getAttributes().get("escape")) || "false".equals(component.getAttributes().get("escape"))) {
            writer.write(text);
        } else {
            writer.writeText(text, component, "value");
        }
    }
}

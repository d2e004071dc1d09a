package org.hearth.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.hearth.blog.media.ImagePreparation;
import org.junit.jupiter.api.Test;

class SiteProtectionTest {

    @Test
    void thePostEditorTakesAConsoleFormAndAnImageAndTheFacesServletParsesAsMuch() throws Exception {
        assertEquals(SiteProtection.MAX_CONSOLE_FORM_BYTES + ImagePreparation.MAX_BYTES, SiteProtection.maxBodyBytes(SiteProtection.POST_EDITOR));
        assertEquals(SiteProtection.MAX_CONSOLE_FORM_BYTES, SiteProtection.maxBodyBytes("/console/team/index.xhtml"));
        assertEquals(SiteProtection.MAX_FORM_BYTES, SiteProtection.maxBodyBytes("/posts/a-post"));
        var webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
        for (var limit : new String[] {"max-file-size", "max-request-size"}) {
            var value = Pattern.compile("<" + limit + ">(\\d+)</" + limit + ">").matcher(webXml);
            value.find();
            assertEquals(SiteProtection.MAX_EDITOR_FORM_BYTES, Long.parseLong(value.group(1)), limit + " in web.xml");
        }
    }
}

package org.hearth.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The reader pages, the comment widget and the share bar size their text from one type scale: the {@code --hearth-step-*}
 * custom properties of the site's stylesheet (which the widget's own small size falls back from).
 */
class TypeScaleTest {

    private static final Pattern SIZE = Pattern.compile("(?<![-\\w])font(-size)?\\s*:\\s*([^;}]+)");

    @Test
    void everyFontSizeComesFromTheTypeScale() throws IOException {
        var sheets = List.of(Files.readString(Path.of("src/main/webapp/resources/hearth/css/site.css")),
                widget("META-INF/resources/hearth/comments.css"), widget("META-INF/resources/hearth-comments/share.css"));
        var stray = new ArrayList<String>();
        for (var css : sheets) {
            var matcher = SIZE.matcher(css);
            while (matcher.find()) {
                var value = matcher.group(2).strip();
                if (!value.startsWith("var(--hearth-step") && !value.startsWith("var(--hc-small") && !value.startsWith("var(--hc-share-small")
                        && !value.startsWith("inherit")) {
                    stray.add(matcher.group());
                }
            }
        }
        assertEquals(List.of(), stray);
    }

    private static String widget(String resource) throws IOException {
        try (var in = TypeScaleTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

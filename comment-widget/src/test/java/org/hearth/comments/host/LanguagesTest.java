package org.hearth.comments.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguagesTest {

    private static final Languages WIDGET = Languages.of(Languages.class.getClassLoader());
    private static final List<String> SHIPPED = List.of("en", "ar", "de", "es", "fr");

    @Test
    void theWidgetShipsEnglishGermanFrenchSpanishAndArabic() {
        assertEquals(SHIPPED, WIDGET.available().stream().map(Locale::toLanguageTag).toList());
    }

    @Test
    void everyShippedBundleHasEveryKeyWithTheSameArgumentsAndTheLanguagesPluralCategories() {
        for (var language : WIDGET.available()) {
            if (!language.getLanguage().equals("en")) {
                assertEquals(List.of(), Translations.problems(Languages.WIDGET_BUNDLE, language, Languages.class.getClassLoader()));
            }
        }
    }

    @Test
    void aTranslationLackingKeysPluralsOrArgumentsOrChoosingByRangesIsReported(@TempDir Path classes) throws IOException {
        var folder = Files.createDirectories(classes.resolve("org/hearth/comments"));
        Files.writeString(folder.resolve("messages_ar.properties"), """
                heading={0,plural,one {تعليق واحد} other {# تعليق}}
                share.total={0,choice,0#لا مشاركات|1#مشاركة واحدة|2#{0} مشاركات}
                reply.to=رد
                no.such=x
                """);
        try (var loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, null)) {
            var english = Languages.class.getClassLoader().getResource("org/hearth/comments/messages.properties");
            Files.copy(Path.of(english.getPath()), folder.resolve("messages.properties"));
            var problems = String.join("\n", Translations.problems(Languages.WIDGET_BUNDLE, Locale.of("ar"), loader));
            assertTrue(problems.contains("heading lacks the plural categories [few, many, two, zero]"), problems);
            assertTrue(problems.contains("reply.to has the arguments [], English [0]"), problems);
            assertTrue(problems.contains("sort.label is missing"), problems);
            assertTrue(problems.contains("no.such is not a key of the English bundle"), problems);
            assertTrue(problems.contains("share.total chooses by number ranges"), problems);
        }
    }

    @Test
    void aRequestedLanguageMatchesByItsLanguageSubtagAndNothingElseIsAccepted() {
        assertEquals(Optional.of(Locale.GERMAN), WIDGET.find("de-CH"));
        assertEquals(Optional.of(Locale.of("ar")), WIDGET.find("ar_EG"));
        assertEquals(Optional.of(Locale.FRENCH), WIDGET.find(" FR "));
        for (var hostile : new String[] {null, "", "xx", "de;DROP", "../../etc/passwd", "d", "de-" + "x".repeat(40), "auto", "*"}) {
            assertEquals(Optional.empty(), WIDGET.find(hostile), String.valueOf(hostile));
        }
    }

    @Test
    void theBrowsersPreferenceIsTheFirstShippedLanguageByWeight() {
        assertEquals(Optional.of(Locale.of("es")), WIDGET.negotiate("pt-BR, es;q=0.8, de;q=0.5"));
        assertEquals(Optional.of(Locale.GERMAN), WIDGET.negotiate("fr;q=0.2, de-AT;q=0.9"));
        assertEquals(Optional.empty(), WIDGET.negotiate("pt, ja;q=0.5"));
        assertEquals(Optional.empty(), WIDGET.negotiate("de;q=0"), "q=0 means never");
        assertEquals(Optional.empty(), WIDGET.negotiate("de;q=oops,,;;"));
        assertEquals(Optional.empty(), WIDGET.negotiate("de," + "x-".repeat(400)));
    }

    @Test
    void arabicIsWrittenRightToLeft() {
        assertEquals("rtl", Languages.direction(Locale.of("ar")));
        assertEquals("ltr", Languages.direction(Locale.GERMAN));
        assertEquals("العربية", Languages.nativeName(Locale.of("ar")));
        assertEquals("Deutsch", Languages.nativeName(Locale.GERMAN));
        assertEquals("Español", Languages.nativeName(Locale.of("es")));
    }
}

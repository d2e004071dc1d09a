package org.hearth.web.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.hearth.comments.host.Languages;
import org.hearth.comments.host.Translations;
import org.junit.jupiter.api.Test;

class BundlesTest {

    private static final ClassLoader LOADER = BundlesTest.class.getClassLoader();

    @Test
    void theSiteSpeaksEnglishArabicGermanSpanishAndFrench() {
        assertEquals(List.of("en", "ar", "de", "es", "fr"),
                Languages.of(LOADER, ReaderLanguages.BUNDLE).available().stream().map(Locale::toLanguageTag).toList());
    }

    @Test
    void everyBundleHasEveryEnglishKeyWithItsArgumentsAndTheLanguagesPluralCategoriesAndNoChoice() {
        for (var language : Languages.of(LOADER, ReaderLanguages.BUNDLE).available()) {
            if (!language.getLanguage().equals("en")) {
                assertEquals(List.of(), Translations.problems(ReaderLanguages.BUNDLE, language, LOADER), language.toString());
            }
        }
    }
}

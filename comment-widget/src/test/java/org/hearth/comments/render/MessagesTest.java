package org.hearth.comments.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.ResourceBundle;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import org.hearth.comments.host.Languages;
import org.junit.jupiter.api.Test;

class MessagesTest {

    /** Texts that could trip a template: the stand-in characters themselves, braces, quotes, right-to-left text. */
    private static final String[] TEXTS = {"Zoë", "\uE001\uE002", "{1} '#'", "سارة", ""};

    private static final java.util.regex.Pattern FORMATTED = java.util.regex.Pattern.compile("\\{\\d+,|(?<!')'(?!')");

    @Test
    void everyPatternReadsAsIcuFormatsItForEveryCountAndText() {
        int checked = 0;
        for (var locale : Languages.of().available()) {
            var messages = Messages.of(locale);
            var bundle = ResourceBundle.getBundle(Languages.WIDGET_BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            // Plain patterns ("{0}" alone) are filled by concatenation, not by ICU: they need no template.
            for (var key : bundle.keySet().stream().filter(k -> FORMATTED.matcher(bundle.getString(k)).find()).toList()) {
                var icu = new MessageFormat(bundle.getString(key), ULocale.forLocale(messages.locale()));
                for (long count : new long[] {0, 1, 2, 3, 7, 11, 21, 100, 101, 255, 256, 1000}) {
                    for (var text : TEXTS) {
                        for (var arguments : new Object[][] {{count}, {(int) count, text}, {count, text, text + "2"}}) {
                            assertEquals(icu.format(arguments), messages.get(key, arguments),
                                    () -> locale + " " + key + " " + java.util.Arrays.toString(arguments));
                            // twice: the second reads the template the first one made
                            assertEquals(icu.format(arguments), messages.get(key, arguments), key);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 5 * 8 * 12 * 5 * 3, "checked " + checked);
    }

    @Test
    void textAndAttributeAppendTheStringEscapedAsGetReadsIt() {
        for (var locale : Languages.of().available()) {
            var messages = Messages.of(locale);
            for (var name : new String[] {"Zoë & <Ann> \"A\" 'B'", "\uE001"}) {
                for (int count : new int[] {0, 1, 2, 5, 300}) {
                    assertEquals(Html.text(new StringBuilder("x"), messages.get("smile.label", count, name)).toString(),
                            messages.text(new StringBuilder("x"), "smile.label", count, name).toString());
                    assertEquals(Html.attribute(new StringBuilder(), messages.get("smile.label", count, name)).toString(),
                            messages.attribute(new StringBuilder(), "smile.label", count, name).toString());
                }
                assertEquals(Html.attribute(new StringBuilder(), messages.get("reply.to", name)).toString(),
                        messages.attribute(new StringBuilder(), "reply.to", name).toString());
                assertEquals(Html.text(new StringBuilder(), messages.get("no.such.key", name)).toString(),
                        messages.text(new StringBuilder(), "no.such.key", name).toString());
            }
        }
        assertTrue(Messages.of(Locale.ENGLISH).attribute(new StringBuilder(), "reply.to", "\"A\"").toString().contains("&quot;A&quot;"));
    }

    @Test
    void arabicCountsTakeTheirSixPluralForms() {
        var arabic = Messages.of(Locale.forLanguageTag("ar"));
        var forms = java.util.stream.IntStream.of(0, 1, 2, 3, 11, 100)
                .mapToObj(n -> arabic.get("smile.label", n, "سارة")).distinct().count();
        assertEquals(6, forms);
    }
}

package org.hearth.comments.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EditableSettingTest {

    private static String reason(EditableSetting setting, String value) {
        return assertThrows(InvalidSettingException.class, () -> setting.normalize(value)).reason();
    }

    @Test
    void numbersAreWholeAndWithinTheirRange() {
        assertEquals("7", EditableSetting.PAGE_SIZE.normalize(" 007 "));
        assertEquals("range", reason(EditableSetting.PAGE_SIZE, "0"));
        assertEquals("range", reason(EditableSetting.MAX_DEPTH, "11"));
        assertEquals("number", reason(EditableSetting.PAGE_SIZE, "-3"));
        assertEquals("number", reason(EditableSetting.PAGE_SIZE, "2.5"));
        assertEquals("number", reason(EditableSetting.PAGE_SIZE, "99999999999"), "no overflow");
        assertEquals("required", reason(EditableSetting.EDIT_MINUTES, "  "));
        assertEquals("0", EditableSetting.EDIT_MINUTES.normalize("0"), "edits may be turned off");
    }

    @Test
    void moderationIsOneOfItsModes() {
        assertEquals("first-time", EditableSetting.MODERATION.normalize("First-Time"));
        assertEquals("choice", reason(EditableSetting.MODERATION, "sometimes"));
        assertEquals("required", reason(EditableSetting.MODERATION, null));
    }

    @Test
    void avatarsAreInitialsUnlessAServiceIsChosen() {
        assertEquals("gravatar", EditableSetting.AVATARS.normalize(" Gravatar "));
        assertEquals("initials", EditableSetting.AVATARS.normalize("initials"));
        assertEquals("choice", reason(EditableSetting.AVATARS, "https://avatars.example/"));
        assertEquals("required", reason(EditableSetting.AVATARS, ""));
    }

    @Test
    void originsAreLowerCasedDeduplicatedAndPlain() {
        assertEquals("https://a.example http://b.example:8080", EditableSetting.EMBED_ORIGINS.normalize(
                "HTTPS://A.example/\nhttp://b.example:8080, https://a.example"));
        assertEquals("", EditableSetting.EMBED_ORIGINS.normalize("\n \n"));
        for (var bad : new String[]{"https://a.example/page", "javascript:alert(1)", "ftp://a.example", "https://user@a.example",
                "https://a.example?x", "https://ex\u0430mple.org", "a.example", "https://" + "a".repeat(200) + ".example"}) {
            var refused = assertThrows(InvalidSettingException.class, () -> EditableSetting.EMBED_ORIGINS.normalize("https://ok.example " + bad));
            assertEquals("origin", refused.reason(), bad);
            assertEquals(bad, refused.value(), "the refused origin is named");
        }
    }

    @Test
    void atMostFiftyOrigins() {
        var many = new StringBuilder();
        for (int i = 0; i <= EditableSetting.EMBED_ORIGINS.max(); i++) {
            many.append("https://site").append(i).append(".example\n");
        }
        assertEquals("too-many", reason(EditableSetting.EMBED_ORIGINS, many.toString()));
    }
}

package org.hearth.comments.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AvatarsTest {

    @Test
    void initialsAreTheFirstLettersOfTheFirstAndLastWord() {
        assertEquals("MO", Avatars.initials("Maya Okafor"));
        assertEquals("SA", Avatars.initials("  samuel  j. adeyemi "));
        assertEquals("Z", Avatars.initials("Zoë"));
        assertEquals("ÉL", Avatars.initials("élise-l"));
        assertEquals("?", Avatars.initials("!!!"));
        assertEquals("?", Avatars.initials(null));
    }

    @Test
    void wordsAreSplitAtAsciiSpaceAndPunctuationOnly() {
        assertEquals("AB", Avatars.initials("a\tb"));
        assertEquals("AB", Avatars.initials("a\u000bb"));
        assertEquals("A", Avatars.initials("a\u001cb"), "a control character is no space");
        assertEquals("A", Avatars.initials("a\u00a0b"), "nor is a no-break space");
        assertEquals("A", Avatars.initials("a«b»"), "nor non-ASCII punctuation");
        assertEquals("AC", Avatars.initials("a_b~c"));
        assertEquals("M\uD835\uDC00", Avatars.initials("maya \uD835\uDC00x"), "a letter beyond the BMP stays whole");
        assertEquals("J4", Avatars.initials("j 42"));
        assertEquals("JX", Avatars.initials("j -- ¿ x"), "a word of no letter gives none; the last word counts");
    }

    @Test
    void aNameAlwaysHasTheSameColourAndNamesDiffer() {
        assertEquals(Avatars.colour("Maya Okafor"), Avatars.colour(" maya okafor"));
        var distinct = java.util.stream.Stream.of("Ada", "Bo", "Cy", "Di", "Ed", "Fay", "Gus", "Hal")
                .map(Avatars::colour).distinct().count();
        assertTrue(distinct > 3, "names spread over the colours: " + distinct);
        assertNotEquals(null, Avatars.colour(null));
    }

    @Test
    void everyBackgroundPassesWcagAaAgainstTheWhiteInitials() {
        for (var colour : Avatars.COLOURS) {
            var ratio = (1.0 + 0.05) / (luminance(colour) + 0.05);
            assertTrue(ratio >= 4.5, colour + " has contrast " + ratio);
        }
    }

    @Test
    void hostileNamesStayTextInTheSvg() {
        var svg = Avatars.initials(new StringBuilder(), "<script>x</script> &amp;").toString();
        assertTrue(svg.contains(">SA</text>"), svg);
        assertTrue(!svg.contains("<script"), svg);
    }

    @Test
    void theSettingNamesTheSourceAndAnythingElseMeansInitials() {
        assertEquals(Avatars.GRAVATAR, Avatars.named(" Gravatar"));
        assertEquals(Avatars.LIBRAVATAR, Avatars.named("libravatar"));
        assertEquals(Avatars.INITIALS, Avatars.named("https://evil.example/"));
        assertEquals(Avatars.INITIALS, Avatars.named(null));
    }

    private static double luminance(String hex) {
        double sum = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            sum += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return sum;
    }
}

package org.hearth.comments.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void anInstantReadsAsJavaWritesItToTheSecond() {
        var random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            var when = Instant.ofEpochSecond(random.nextLong(-70_000_000_000L, 300_000_000_000L), random.nextInt(1_000_000_000));
            assertEquals(when.truncatedTo(ChronoUnit.SECONDS).toString(), Html.instant(new StringBuilder(), when).toString());
        }
        assertEquals("2026-01-02T03:04:05Z", Html.instant(new StringBuilder(), Instant.parse("2026-01-02T03:04:05.999Z")).toString());
        assertEquals("0999-12-31T23:59:59Z", Html.instant(new StringBuilder(), Instant.parse("0999-12-31T23:59:59Z")).toString());
    }

    @Test
    void textAndAttributesEscapeWhatHtmlNeeds() {
        assertEquals("a &amp; &lt;b&gt; \"c\" 'd'", Html.text(new StringBuilder(), "a & <b> \"c\" 'd'").toString());
        assertEquals("a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;", Html.attribute(new StringBuilder(), "a & <b> \"c\" 'd'").toString());
    }
}

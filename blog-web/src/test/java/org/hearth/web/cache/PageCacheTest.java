package org.hearth.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageCacheTest {

    private static List<String> split(String body, String token) {
        return PageCache.split(body.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)).stream()
                .map(part -> new String(part, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void aPageIsCutAtEveryFormTokenSoThatEachReaderGetsAFreshOne() {
        assertEquals(List.of("<input value=\"", "\"><input value=\"", "\">"),
                split("<input value=\"T0K.en\"><input value=\"T0K.en\">", "T0K.en"));
    }

    @Test
    void tokensAtTheEdgesLeaveEmptyPartsAndAPageWithoutOneStaysWhole() {
        assertEquals(List.of("", "ü", ""), split("abcüabc", "abc"));
        assertEquals(List.of("no token here, only ab"), split("no token here, only ab", "abc"));
    }
}

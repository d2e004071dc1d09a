package org.hearth.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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

    private static String key(Map<String, String> parameters) {
        return PageCache.key("http://localhost:8080", "a-post", parameters::get);
    }

    @Test
    void theKeyKeepsOnlyTheDiscussionsSortAndPageAsTheWidgetReadsThem() {
        var plain = "http://localhost:8080 a-post";
        assertEquals(plain, key(Map.of()));
        assertEquals(plain, key(Map.of("x", "1", "utm_source", "feed", "hc-reply", "oops")), "unknown parameters buy no render");
        assertEquals(plain, key(Map.of("hc-sort", "oldest", "hc-page", "0")), "the defaults are the plain page");
        assertEquals(plain, key(Map.of("hc-sort", "sideways", "hc-page", "+5")), "values the widget ignores");
        assertEquals(plain, key(Map.of("hc-page", "1234567")), "more digits than the widget reads");
        assertEquals(plain + "&hc-sort=newest&hc-page=2", key(Map.of("hc-sort", "NEWEST", "hc-page", "002")));
        assertEquals(plain + "&hc-sort=top", key(Map.of("hc-sort", "Top")));
    }

    @Test
    void onlyANumberedReplyOrEditFormIsAPageOfOnesOwn() {
        assertTrue(PageCache.hasPersonalParameter(Map.of("hc-reply", "42")::get));
        assertTrue(PageCache.hasPersonalParameter(Map.of("hc-edit", "7")::get));
        assertFalse(PageCache.hasPersonalParameter(Map.of("hc-reply", "x", "hc-edit", "")::get));
        assertFalse(PageCache.hasPersonalParameter(Map.<String, String>of()::get));
    }

    @Test
    void aClientForcesAtMostTheLimitOfRendersPerWindow() {
        var now = new AtomicLong();
        var renders = new ForcedRenders(3, 10, TimeUnit.SECONDS, now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(renders.allow("a"));
        }
        assertFalse(renders.allow("a"));
        assertTrue(renders.allow("b"), "another client has its own count");
        assertEquals(10, renders.secondsUntilAllowed("a"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertTrue(renders.allow("a"), "a new window");
    }
}

package org.hearth.comments.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.hearth.comments.host.ShareNetwork;

class ShareNetworkTest {

    private static final String HOSTILE_TITLE = "Tom & Jerry's \"#1\" café — 100% <script>alert(1)</script>?a=b&c=d 🌟";
    private static final String HOSTILE_URL = "https://blog.example/posts/a-b?x=1&y=2#frag";

    private static Map<String, String> query(String intent) {
        var raw = intent.startsWith("mailto:") ? intent.substring(intent.indexOf('?') + 1) : URI.create(intent).getRawQuery();
        var params = new HashMap<String, String>();
        for (var pair : raw.split("&")) {
            var kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    @ParameterizedTest
    @EnumSource(value = ShareNetwork.class, names = "MASTODON", mode = EnumSource.Mode.EXCLUDE)
    void intentKeepsHostileTitleAndUrlIntactInsideOneParameterEach(ShareNetwork network) {
        var intent = network.intentUrl(HOSTILE_URL, HOSTILE_TITLE);
        assertFalse(intent.contains(" "), intent);
        assertFalse(intent.contains("<"), intent);
        assertFalse(intent.contains("#"), "a raw # would cut the intent URL: " + intent);
        assertFalse(intent.contains("\""), intent);
        var values = String.join("\n", query(intent).values());
        assertTrue(values.contains(HOSTILE_URL), values);
        if (network != ShareNetwork.FACEBOOK && network != ShareNetwork.LINKEDIN) {
            assertTrue(values.contains(HOSTILE_TITLE), values);
        }
    }

    @Test
    void eachNetworkGoesToItsOwnFixedHost() {
        assertEquals("x.com", URI.create(ShareNetwork.X.intentUrl(HOSTILE_URL, "t")).getHost());
        assertEquals("www.facebook.com", URI.create(ShareNetwork.FACEBOOK.intentUrl(HOSTILE_URL, "t")).getHost());
        assertEquals("www.linkedin.com", URI.create(ShareNetwork.LINKEDIN.intentUrl(HOSTILE_URL, "t")).getHost());
        assertEquals("bsky.app", URI.create(ShareNetwork.BLUESKY.intentUrl(HOSTILE_URL, "t")).getHost());
        assertTrue(ShareNetwork.EMAIL.intentUrl(HOSTILE_URL, "t").startsWith("mailto:?subject="));
    }

    @Test
    void emailUsesPercentTwentyForSpaces() {
        var intent = ShareNetwork.EMAIL.intentUrl("https://a.example/p", "Hello world");
        assertEquals("mailto:?subject=Hello%20world&body=Hello%20world%0A%0Ahttps%3A%2F%2Fa.example%2Fp", intent);
    }

    @Test
    void blueskyIntentCarriesTitleAndUrl() {
        assertEquals("https://bsky.app/intent/compose?text=Hi%20%26%20bye%20https%3A%2F%2Fa.example%2Fp",
                ShareNetwork.BLUESKY.intentUrl("https://a.example/p", "Hi & bye"));
    }

    @Test
    void networksAreFoundByPathSegmentOnly() {
        assertEquals(ShareNetwork.LINKEDIN, ShareNetwork.byId("linkedin").orElseThrow());
        assertTrue(ShareNetwork.byId("LinkedIn").isEmpty());
        assertTrue(ShareNetwork.byId("evil").isEmpty());
        assertTrue(ShareNetwork.byId("").isEmpty());
        assertEquals(6, Arrays.stream(ShareNetwork.values()).map(ShareNetwork::id).distinct().count());
    }

    @Test
    void mastodonIntentGoesToTheNamedInstanceOnly() {
        assertEquals("https://mastodon.social/share?text=Hi%20https%3A%2F%2Fa.example%2Fp",
                ShareNetwork.mastodonIntentUrl(" Mastodon.Social ", "https://a.example/p", "Hi"));
        assertThrows(UnsupportedOperationException.class, () -> ShareNetwork.MASTODON.intentUrl("https://a.example", "t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "//evil.example", "evil.example/path", "evil.example:8443",
            "user@evil.example", "evil", "evil.example.", ".evil.example", "evil..example", "évil.example",
            "evil.example%2F@x", "evil.example\\@x", "evil example.org", "localhost", "127.0.0.1", ""})
    void mastodonInstanceRefusesAnythingButAPlainHostName(String text) {
        assertTrue(ShareNetwork.mastodonInstance(text).isEmpty(), text);
        assertThrows(IllegalArgumentException.class, () -> ShareNetwork.mastodonIntentUrl(text, "https://a.example", "t"));
    }
}

package org.hearth.comments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hearth.comments.host.InvalidCommentException;
import org.junit.jupiter.api.Test;

class DiscussionResourceTest {

    private static Map<String, String> fields(String body) {
        return DiscussionResource.fields(body.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void formFieldsAreReadAsUtf8AsBrowsersSendThem() {
        var fields = fields("hc-name=Zo%C3%AB+%C3%91%C3%BA%C3%B1ez&hc-body=Gr%C3%BC%C3%9Fe+%F0%9F%98%80&hc-notify=on");
        assertEquals("Zoë Ñúñez", fields.get("hc-name"));
        assertEquals("Grüße 😀", fields.get("hc-body"));
        assertEquals("on", fields.get("hc-notify"));
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersWhichTheRulesRefuse() {
        assertEquals("v\uFFFDic", fields("hc-name=v%FFic").get("hc-name"));
        assertEquals("v\u0000ic", fields("hc-name=v%00ic").get("hc-name"));
    }

    @Test
    void onlyTheWidgetsFieldsAreKeptEachWithItsFirstValue() {
        var fields = fields("hc-parent=7&hc-parent=8&other=x&hc-body=");
        assertEquals(Map.of("hc-parent", "7", "hc-body", ""), fields);
    }

    @Test
    void aBrokenEscapeIsRefusedAsAFormThatCannotBeRead() {
        var refused = assertThrows(InvalidCommentException.class, () -> fields("hc-body=100%zz"));
        assertEquals("malformed-form", refused.getReason());
    }

    @Test
    void aSiteOwnersFeedIsLinkedOnlyWhenItIsAnAbsoluteWebAddress() {
        assertEquals("https://blog.example/feeds/comments.atom", DiscussionResource.hostFeed("https://blog.example/feeds/comments.atom"));
        assertEquals("http://blog.example/f?x=1&y=%C3%BC", DiscussionResource.hostFeed("http://blog.example/f?x=1&y=%C3%BC"));
        for (var refused : new String[] {"javascript:alert(1)", "JavaScript://blog.example/%0Aalert(1)", "data:text/html,x", "/feeds/a.atom",
                "//blog.example/a.atom", "ftp://blog.example/a", "https:///nohost", "https://blog.example/a b", "", " ",
                "https://blog.example/" + "a".repeat(2000)}) {
            assertNull(DiscussionResource.hostFeed(refused), refused);
        }
        assertNull(DiscussionResource.hostFeed(null));
    }
}

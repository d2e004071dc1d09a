package org.hearth.comments.api;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.json.stream.JsonParsingException;

import org.hearth.comments.host.InvalidCommentException;

/**
 * The text of a JSON request body, decoded strictly: bytes that are not valid UTF-8 are refused, never turned into
 * U+FFFD replacement characters that would be stored as if the client had sent them.
 */
final class Utf8Body {

    private Utf8Body() {
    }

    /**
     * The body as text.
     *
     * @throws InvalidCommentException reason {@code invalid-utf8}, naming the member of the JSON object whose value
     *                                 holds the first bad byte ({@code body}, the request body, when none can be told)
     */
    static String decode(byte[] bytes) {
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        var result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            // The decoder stops at the first bad byte: what came before it is valid, and tells whose value it is in.
            var member = memberAtEnd(out.flip().toString());
            throw new InvalidCommentException(member == null ? "body" : member, "invalid-utf8",
                    "The " + (member == null ? "request body" : "value of \"" + member + "\"")
                            + " is not valid UTF-8 (byte " + in.position() + "); send the text encoded in UTF-8.");
        }
        return out.flip().toString();
    }

    /** The name of the member of the top-level object whose value the text ends in, or null when it ends elsewhere. */
    private static String memberAtEnd(String truncated) {
        String member = null;
        int depth = 0;
        try (var parser = Json.createParser(new StringReader(truncated))) {
            while (parser.hasNext()) {
                var event = parser.next();
                switch (event) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> member = depth == 1 ? parser.getString() : member;
                    default -> member = depth == 1 ? null : member; // a complete value: not inside it
                }
            }
        } catch (JsonParsingException e) {
            return member;
        }
        return null;
    }
}

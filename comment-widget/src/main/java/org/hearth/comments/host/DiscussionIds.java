package org.hearth.comments.host;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The element ids of a thread's discussion on a page. The discussion-wide ones carry a tag of the thread, so several
 * discussions (of different threads) share one page without two elements of the same id, and every label still points at
 * its own field; ids of a comment's parts ({@code comment-7}, {@code hc-form-7}) are unique already. A host links to a
 * discussion with {@code #}{@link #section}.
 */
public final class DiscussionIds {

    private DiscussionIds() {
    }

    /**
     * The thread's tag: {@code t} and 48 bits of the SHA-256 of its key in base 36, the same on every server and page.
     * Starts with a letter, so it never reads as a comment's id.
     */
    public static String tag(String threadKey) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(threadKey.getBytes(StandardCharsets.UTF_8));
            var bits = new byte[7];
            System.arraycopy(digest, 0, bits, 1, 6);
            return "t" + new BigInteger(bits).toString(36);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The id of the discussion's section ({@code hc-comments-{tag}}): the anchor a host links to. */
    public static String section(String threadKey) {
        return "hc-comments-" + tag(threadKey);
    }
}

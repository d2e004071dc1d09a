package org.hearth.comments.host;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The places a reader can share a thread to, each with its fixed intent address. The address is always built from
 * the thread's stored canonical URL and title, never from anything in a request, so the share links can never be used
 * to send a reader somewhere else.
 */
public enum ShareNetwork {

    X("x", "X (Twitter)") {
        @Override
        public String intentUrl(String url, String title) {
            return "https://x.com/intent/tweet?text=" + encode(title) + "&url=" + encode(url);
        }
    },
    FACEBOOK("facebook", "Facebook") {
        @Override
        public String intentUrl(String url, String title) {
            return "https://www.facebook.com/sharer/sharer.php?u=" + encode(url);
        }
    },
    LINKEDIN("linkedin", "LinkedIn") {
        @Override
        public String intentUrl(String url, String title) {
            return "https://www.linkedin.com/sharing/share-offsite/?url=" + encode(url);
        }
    },
    EMAIL("email", "e-mail") {
        @Override
        public String intentUrl(String url, String title) {
            return "mailto:?subject=" + encode(title) + "&body=" + encode(title + "\n\n" + url);
        }
    },
    BLUESKY("bluesky", "Bluesky") {
        @Override
        public String intentUrl(String url, String title) {
            return "https://bsky.app/intent/compose?text=" + encode(title + " " + url);
        }
    },
    /** Mastodon has no central host: the reader names their instance (see {@link #mastodonIntentUrl}). */
    MASTODON("mastodon", "Mastodon") {
        @Override
        public String intentUrl(String url, String title) {
            throw new UnsupportedOperationException("Mastodon needs the reader's instance: use mastodonIntentUrl");
        }
    };

    /** A Mastodon instance as a reader may name it: a DNS host name with at least one dot, no port, path or user. */
    private static final Pattern INSTANCE = Pattern.compile(
            "^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");

    private final String id;
    private final String label;

    ShareNetwork(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The path segment of the counting endpoint, {@code /share/{id}}. */
    public String id() {
        return id;
    }

    /** The name readers know the network by. */
    public String label() {
        return label;
    }

    /**
     * The network's share intent for a thread.
     *
     * @param url   the thread's canonical URL (already checked to be http or https)
     * @param title the thread's title
     */
    public abstract String intentUrl(String url, String title);

    /** The network with this path segment. */
    public static Optional<ShareNetwork> byId(String id) {
        return Arrays.stream(values()).filter(network -> network.id.equals(id)).findFirst();
    }

    /**
     * The normalized Mastodon instance host ({@code Mastodon.Social} → {@code mastodon.social}), or empty when the text
     * is not a plain host name (anything with a scheme, port, path, user info or odd character is refused).
     */
    public static Optional<String> mastodonInstance(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var host = text.strip().toLowerCase(Locale.ROOT);
        return INSTANCE.matcher(host).matches() ? Optional.of(host) : Optional.empty();
    }

    /** The share page of a Mastodon instance, for a host that {@link #mastodonInstance} accepted. */
    public static String mastodonIntentUrl(String instance, String url, String title) {
        var host = mastodonInstance(instance).orElseThrow(() -> new IllegalArgumentException("Not an instance: " + instance));
        return "https://" + host + "/share?text=" + encode(title + " " + url);
    }

    /** Percent-encodes a query value (spaces as {@code %20}, which mail clients need too). */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

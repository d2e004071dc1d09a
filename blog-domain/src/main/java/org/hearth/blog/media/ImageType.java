package org.hearth.blog.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of image a post may show, told apart by their first bytes (never by the file name or the type a browser
 * claims). SVG is not among them: it may carry script.
 */
public enum ImageType {

    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String mediaType;
    private final String extension;

    ImageType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The type these bytes begin with, if they begin like one of the four. */
    public static Optional<ImageType> of(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, "GIF87a".getBytes()) || startsWith(bytes, "GIF89a".getBytes())) {
            return Optional.of(GIF);
        }
        if (bytes.length >= 16 && startsWith(bytes, "RIFF".getBytes()) && Arrays.equals(bytes, 8, 12, "WEBP".getBytes(), 0, 4)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** The type of this file extension (as in a media address), if it is one of the four. */
    public static Optional<ImageType> ofExtension(String extension) {
        return Arrays.stream(values()).filter(type -> type.extension.equals(extension)).findFirst();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The media type served, such as {@code image/png}. */
    public String mediaType() {
        return mediaType;
    }

    /** The file extension of its address, such as {@code png}. */
    public String extension() {
        return extension;
    }
}

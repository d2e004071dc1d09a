package org.hearth.blog.media;

/** An upload that is not an image a post may show; {@link #reason()} says why, for a message naming it. */
public class ImageRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an upload was refused. */
    public enum Reason {
        /** Nothing was sent. */
        EMPTY,
        /** More than {@link ImagePreparation#MAX_BYTES} bytes. */
        TOO_LARGE,
        /** Not PNG, JPEG, GIF or WebP by its first bytes (SVG among them). */
        TYPE,
        /** More than {@link ImagePreparation#MAX_PIXELS} pixels, or a side over {@link ImagePreparation#MAX_SIDE}. */
        DIMENSIONS,
        /** Begins like an image but cannot be read (damaged, or a kind of JPEG Java cannot decode, such as CMYK). */
        UNREADABLE
    }

    private final Reason reason;

    public ImageRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package org.hearth.blog.media;

import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.hearth.blog.media.ImageRefusedException.Reason;

/**
 * Turns an upload into the image a post shows, or refuses it:
 * <ul>
 * <li>at most {@value #MAX_BYTES} bytes; the type from its first bytes ({@link ImageType}: PNG, JPEG, GIF, WebP);</li>
 * <li>width and height read from its header before anything is decoded: at most {@value #MAX_SIDE} pixels a side and
 * {@value #MAX_PIXELS} pixels in all, so a small file that would decode to gigabytes (a decompression bomb) is
 * refused;</li>
 * <li>PNG and JPEG are decoded, turned upright by their EXIF orientation, scaled down to at most {@value #MAX_WIDTH}
 * pixels wide and encoded again in their own type: whatever metadata they held (EXIF with the camera and the place,
 * comments, profiles) is gone. Very large ones are decoded with subsampling, and one at a time, so that the heap holds
 * at most {@value #DECODE_PIXELS} decoded pixels for them;</li>
 * <li>GIF (perhaps animated) and WebP are stored as uploaded, at their own size (Java cannot encode them): a WebP loses
 * its EXIF and XMP chunks; a GIF holds no EXIF.</li>
 * </ul>
 */
public final class ImagePreparation {

    /** The largest upload, in bytes (10 MB). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The widest image stored: wider PNG and JPEG images are scaled down to it. */
    public static final int MAX_WIDTH = 1600;

    /** The longest side an upload may have, in pixels. */
    public static final int MAX_SIDE = 20_000;

    /** The most pixels an upload may have. */
    public static final long MAX_PIXELS = 100_000_000L;

    /** The most pixels decoded at once: larger images are read with subsampling. */
    static final long DECODE_PIXELS = 12_000_000L;

    private static final float JPEG_QUALITY = 0.88f;

    /** One decoding at a time: a few large images at once would not fit the heap beside the site. */
    private static final Semaphore DECODING = new Semaphore(1);

    /**
     * An image ready to store.
     *
     * @param reencoded whether it was decoded and encoded again (PNG, JPEG), rather than stored as uploaded
     */
    public record Prepared(ImageType type, int width, int height, byte[] bytes, boolean reencoded) {

        /** The SHA-256 of its bytes, in hexadecimal: the name of its address. */
        public String hash() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private ImagePreparation() {
    }

    /** Checks the upload and prepares the image to store; see the class. */
    public static Prepared prepare(byte[] upload) throws ImageRefusedException {
        if (upload == null || upload.length == 0) {
            throw new ImageRefusedException(Reason.EMPTY, "No image was sent");
        }
        if (upload.length > MAX_BYTES) {
            throw new ImageRefusedException(Reason.TOO_LARGE, "An image may be at most " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        var type = ImageType.of(upload).orElseThrow(() -> new ImageRefusedException(Reason.TYPE,
                "Only PNG, JPEG, GIF and WebP images may be uploaded"));
        int[] size = switch (type) {
            case GIF -> gifSize(upload);
            case WEBP -> webpSize(upload);
            default -> headerSize(upload, type);
        };
        int width = size[0];
        int height = size[1];
        if (width <= 0 || height <= 0) {
            throw unreadable();
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new ImageRefusedException(Reason.DIMENSIONS, "An image may be at most " + MAX_SIDE + " pixels a side and "
                    + MAX_PIXELS / 1_000_000 + " megapixels; this one is " + width + " × " + height);
        }
        return switch (type) {
            case GIF -> new Prepared(type, width, height, upload, false);
            case WEBP -> new Prepared(type, width, height, webpWithoutMetadata(upload), false);
            default -> reencode(upload, type, width, height);
        };
    }

    private static ImageRefusedException unreadable() {
        return new ImageRefusedException(Reason.UNREADABLE, "The image cannot be read: it may be damaged, or a kind Java cannot decode (such as a CMYK JPEG)");
    }

    private static ImageReader reader(ImageType type) {
        return ImageIO.getImageReadersByFormatName(type == ImageType.JPEG ? "jpeg" : "png").next();
    }

    /** Width and height from the header, decoding nothing. */
    private static int[] headerSize(byte[] upload, ImageType type) throws ImageRefusedException {
        var reader = reader(type);
        try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException e) {
            throw unreadable();
        } finally {
            reader.dispose();
        }
    }

    private static int[] gifSize(byte[] gif) throws ImageRefusedException {
        if (gif.length < 10) {
            throw unreadable();
        }
        return new int[] {u16le(gif, 6), u16le(gif, 8)};
    }

    private static Prepared reencode(byte[] upload, ImageType type, int width, int height) throws ImageRefusedException {
        int orientation = type == ImageType.JPEG ? exifOrientation(upload) : 1;
        boolean turned = orientation >= 5;
        int shownWidth = turned ? height : width;
        int subsampling = (int) Math.max(Math.ceil(shownWidth / (2.0 * MAX_WIDTH)), Math.ceil(Math.sqrt((double) width * height / DECODE_PIXELS)));
        DECODING.acquireUninterruptibly();
        try {
            BufferedImage image;
            var reader = reader(type);
            try (var in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
                reader.setInput(in, true, true);
                var param = reader.getDefaultReadParam();
                if (subsampling > 1) {
                    param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                }
                image = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                throw unreadable();
            } finally {
                reader.dispose();
            }
            boolean alpha = type == ImageType.PNG && image.getColorModel().hasAlpha();
            image = scaled(upright(image, orientation, alpha), MAX_WIDTH, alpha);
            return new Prepared(type, image.getWidth(), image.getHeight(), encode(image, type), true);
        } finally {
            DECODING.release();
        }
    }

    /** The image turned as its EXIF orientation (1 to 8) says it is shown, in a type both writers take. */
    static BufferedImage upright(BufferedImage image, int orientation, boolean alpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        var transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> new AffineTransform();
        };
        var turned = orientation >= 5;
        var result = new BufferedImage(turned ? h : w, turned ? w : h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = result.createGraphics();
        try {
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return result;
    }

    /** At most {@code maxWidth} wide, halved step by step (which keeps thin lines) and then drawn bicubic to size. */
    static BufferedImage scaled(BufferedImage image, int maxWidth, boolean alpha) {
        int targetWidth = Math.min(image.getWidth(), maxWidth);
        int targetHeight = Math.max(1, (int) Math.round(image.getHeight() * (double) targetWidth / image.getWidth()));
        var current = image;
        while (current.getWidth() != targetWidth) {
            int w = Math.max(targetWidth, current.getWidth() / 2);
            int h = w == targetWidth ? targetHeight : Math.max(1, current.getHeight() / 2);
            var next = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            var g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        }
        return current;
    }

    private static byte[] encode(BufferedImage image, ImageType type) throws ImageRefusedException {
        var writer = ImageIO.getImageWritersByFormatName(type == ImageType.JPEG ? "jpeg" : "png").next();
        var out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            var param = writer.getDefaultWriteParam();
            if (type == ImageType.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw unreadable();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The orientation (1 to 8) in the EXIF of a JPEG's APP1 segment; 1 (as stored) when it has none. */
    static int exifOrientation(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int end = i + 2 + u16be(jpeg, i + 2);
            if (marker == 0xE1 && end <= jpeg.length && end >= i + 10
                    && new String(jpeg, i + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return tiffOrientation(jpeg, i + 10, end);
            }
            i = end;
        }
        return 1;
    }

    private static int tiffOrientation(byte[] b, int start, int end) {
        if (start + 8 > end) {
            return 1;
        }
        boolean little = b[start] == 'I';
        long ifd = start + u32(b, start + 4, little);
        if (ifd + 2 > end) {
            return 1;
        }
        int count = u16(b, (int) ifd, little);
        for (int k = 0; k < count; k++) {
            int entry = (int) ifd + 2 + 12 * k;
            if (entry + 12 > end) {
                break;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** Width and height from a WebP's first chunk (lossy VP8, lossless VP8L, or extended VP8X). */
    private static int[] webpSize(byte[] b) throws ImageRefusedException {
        if (b.length < 30) {
            throw unreadable();
        }
        return switch (new String(b, 12, 4, StandardCharsets.ISO_8859_1)) {
            case "VP8X" -> new int[] {1 + u24le(b, 24), 1 + u24le(b, 27)};
            case "VP8L" -> {
                if (b[20] != 0x2F) {
                    throw unreadable();
                }
                long bits = u32(b, 21, true);
                yield new int[] {1 + (int) (bits & 0x3FFF), 1 + (int) ((bits >> 14) & 0x3FFF)};
            }
            case "VP8 " -> {
                if ((b[23] & 0xFF) != 0x9D || b[24] != 0x01 || b[25] != 0x2A) {
                    throw unreadable();
                }
                yield new int[] {u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF};
            }
            default -> throw unreadable();
        };
    }

    /** The WebP without its EXIF and XMP chunks (and their flags in VP8X). */
    static byte[] webpWithoutMetadata(byte[] b) {
        var out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 12);
        int vp8x = -1;
        int i = 12;
        while (i + 8 <= b.length) {
            var id = new String(b, i, 4, StandardCharsets.ISO_8859_1);
            long size = u32(b, i + 4, true);
            int length = (int) Math.min(b.length - i, 8 + size + (size & 1));
            if (!id.equals("EXIF") && !id.equals("XMP ")) {
                if (id.equals("VP8X")) {
                    vp8x = out.size();
                }
                out.write(b, i, length);
            }
            i += length;
        }
        var result = out.toByteArray();
        if (vp8x >= 0 && vp8x + 8 < result.length) {
            result[vp8x + 8] &= ~0x0C;
        }
        int riffSize = result.length - 8;
        for (int k = 0; k < 4; k++) {
            result[4 + k] = (byte) (riffSize >>> (8 * k));
        }
        return result;
    }

    private static int u16be(byte[] b, int at) {
        return at + 2 <= b.length ? (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF) : 0;
    }

    private static int u16le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int u24le(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? u16le(b, at) : u16be(b, at);
    }

    private static long u32(byte[] b, int at, boolean little) {
        long value = 0;
        for (int k = 0; k < 4; k++) {
            value |= (long) (b[at + (little ? k : 3 - k)] & 0xFF) << (8 * k);
        }
        return value;
    }
}

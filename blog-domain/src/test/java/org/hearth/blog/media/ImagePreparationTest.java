package org.hearth.blog.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.hearth.blog.media.ImageRefusedException.Reason;
import org.junit.jupiter.api.Test;

class ImagePreparationTest {

    private static final String SECRET = "HEARTH-SECRET-PLACE 48.8584N 2.2945E";

    @Test
    void typeComesFromTheBytesAndSvgOrTextIsRefused() throws Exception {
        assertEquals(ImageType.PNG, ImagePreparation.prepare(image("png", 40, 30)).type());
        assertEquals(ImageType.JPEG, ImagePreparation.prepare(image("jpeg", 40, 30)).type());
        assertEquals(ImageType.GIF, ImagePreparation.prepare(image("gif", 40, 30)).type());
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertEquals(Reason.TYPE, assertThrows(ImageRefusedException.class, () -> ImagePreparation.prepare(svg)).reason());
        var html = "<html><body>not an image</body></html>".getBytes(StandardCharsets.UTF_8);
        assertEquals(Reason.TYPE, assertThrows(ImageRefusedException.class, () -> ImagePreparation.prepare(html)).reason());
        assertEquals(Reason.EMPTY, assertThrows(ImageRefusedException.class, () -> ImagePreparation.prepare(new byte[0])).reason());
    }

    @Test
    void anUploadOverTenMegabytesIsRefusedWhateverItHolds() throws Exception {
        var big = new byte[ImagePreparation.MAX_BYTES + 1];
        System.arraycopy(image("png", 10, 10), 0, big, 0, 8);
        assertEquals(Reason.TOO_LARGE, assertThrows(ImageRefusedException.class, () -> ImagePreparation.prepare(big)).reason());
    }

    @Test
    void aSmallFileClaimingHugeDimensionsIsRefusedBeforeDecoding() throws Exception {
        var bomb = withPngSize(image("png", 10, 10), 50_000, 50_000);
        var refused = assertThrows(ImageRefusedException.class, () -> ImagePreparation.prepare(bomb));
        assertEquals(Reason.DIMENSIONS, refused.reason());
        assertTrue(refused.getMessage().contains("50000 × 50000"), refused.getMessage());
        var tooMany = withPngSize(image("png", 10, 10), 15_000, 15_000);
        assertEquals(Reason.DIMENSIONS, assertThrows(ImageRefusedException.class, () -> ImagePreparation.prepare(tooMany)).reason());
    }

    @Test
    void aDamagedImageIsRefusedAsUnreadable() throws Exception {
        var jpeg = image("jpeg", 100, 100);
        var damaged = java.util.Arrays.copyOf(jpeg, 40);
        assertEquals(Reason.UNREADABLE, assertThrows(ImageRefusedException.class, () -> ImagePreparation.prepare(damaged)).reason());
    }

    @Test
    void widePngAndJpegAreScaledToTheMaximumWidthKeepingTypeAndProportions() throws Exception {
        for (var format : new String[] {"png", "jpeg"}) {
            var prepared = ImagePreparation.prepare(image(format, 4000, 1000));
            assertEquals(ImagePreparation.MAX_WIDTH, prepared.width(), format);
            assertEquals(400, prepared.height(), format);
            assertTrue(prepared.reencoded());
            var read = ImageIO.read(new ByteArrayInputStream(prepared.bytes()));
            assertEquals(ImagePreparation.MAX_WIDTH, read.getWidth(), format);
            assertEquals(ImageType.of(prepared.bytes()).orElseThrow(), prepared.type());
        }
        var small = ImagePreparation.prepare(image("png", 300, 200));
        assertEquals(300, small.width());
        assertEquals(200, small.height());
    }

    @Test
    void theSameUploadGivesTheSameBytesAndSoOneAddress() throws Exception {
        var upload = image("jpeg", 2000, 1000);
        assertEquals(ImagePreparation.prepare(upload).hash(), ImagePreparation.prepare(upload).hash());
        assertEquals(64, ImagePreparation.prepare(upload).hash().length());
    }

    @Test
    void jpegExifWithItsPlaceIsStrippedAndItsOrientationApplied() throws Exception {
        var jpeg = withExif(image("jpeg", 200, 100), 6);
        assertTrue(contains(jpeg, SECRET.getBytes(StandardCharsets.US_ASCII)));
        var prepared = ImagePreparation.prepare(jpeg);
        assertFalse(contains(prepared.bytes(), SECRET.getBytes(StandardCharsets.US_ASCII)), "the place is gone");
        assertFalse(contains(prepared.bytes(), "Exif".getBytes(StandardCharsets.US_ASCII)), "no EXIF at all");
        assertEquals(100, prepared.width(), "turned upright: a portrait photo");
        assertEquals(200, prepared.height());
        var read = ImageIO.read(new ByteArrayInputStream(prepared.bytes()));
        var topRight = new Color(read.getRGB(95, 5));
        assertTrue(topRight.getRed() > 200 && topRight.getBlue() < 60, "the red left edge is now at the top: " + topRight);
    }

    @Test
    void pngTextChunksAreStripped() throws Exception {
        var png = withTextChunk(image("png", 60, 40));
        assertTrue(contains(png, SECRET.getBytes(StandardCharsets.US_ASCII)));
        var prepared = ImagePreparation.prepare(png);
        assertFalse(contains(prepared.bytes(), SECRET.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(60, prepared.width());
    }

    @Test
    void gifIsStoredAsUploaded() throws Exception {
        var gif = image("gif", 2400, 50);
        var prepared = ImagePreparation.prepare(gif);
        assertArrayEquals(gif, prepared.bytes());
        assertFalse(prepared.reencoded());
        assertEquals(2400, prepared.width());
    }

    @Test
    void webpIsStoredAsUploadedWithoutItsExifAndXmp() throws Exception {
        var webp = webp(320, 240);
        var prepared = ImagePreparation.prepare(webp);
        assertEquals(ImageType.WEBP, prepared.type());
        assertEquals(320, prepared.width());
        assertEquals(240, prepared.height());
        assertFalse(prepared.reencoded());
        assertFalse(contains(prepared.bytes(), SECRET.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(contains(prepared.bytes(), "VP8L".getBytes(StandardCharsets.US_ASCII)), "the image data stays");
        var header = ByteBuffer.wrap(prepared.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(prepared.bytes().length - 8, header.getInt(4), "the RIFF size counts what is left");
        assertEquals(0, prepared.bytes()[20] & 0x0C, "no EXIF or XMP flag");
    }

    /** A picture with a red left edge, the rest blue. */
    private static byte[] image(String format, int width, int height) throws IOException {
        var image = new BufferedImage(width, height, format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, Math.max(1, width / 10), height);
        g.dispose();
        var out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out));
        return out.toByteArray();
    }

    private static byte[] withPngSize(byte[] png, int width, int height) {
        var bytes = png.clone();
        var buffer = ByteBuffer.wrap(bytes);
        buffer.putInt(16, width).putInt(20, height);
        var crc = new CRC32();
        crc.update(bytes, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return bytes;
    }

    /** The JPEG with an EXIF segment after its start: this orientation, and a place in a description. */
    private static byte[] withExif(byte[] jpeg, int orientation) {
        var description = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
        var tiff = ByteBuffer.allocate(8 + 2 + 2 * 12 + 4 + description.length).order(ByteOrder.BIG_ENDIAN);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x010E).putShort((short) 2).putInt(description.length).putInt(8 + 2 + 2 * 12 + 4);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0).put(description);
        var payload = tiff.array();
        var segment = ByteBuffer.allocate(4 + 6 + payload.length);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + payload.length));
        segment.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(payload);
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(segment.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The PNG with a {@code tEXt} chunk after its header chunk. */
    private static byte[] withTextChunk(byte[] png) {
        var data = ("Comment\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
        var chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        var crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        var out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        out.writeBytes(chunk.array());
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    /** An extended WebP (VP8X with the EXIF and XMP flags), a lossless image chunk, then EXIF and XMP chunks. */
    private static byte[] webp(int width, int height) {
        var body = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        body.put("WEBP".getBytes(StandardCharsets.US_ASCII));
        body.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).put((byte) 0x0C).put(new byte[3]);
        body.put((byte) (width - 1)).put((byte) ((width - 1) >> 8)).put((byte) 0);
        body.put((byte) (height - 1)).put((byte) ((height - 1) >> 8)).put((byte) 0);
        body.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(6).put((byte) 0x2F).put(new byte[5]);
        var secret = SECRET.getBytes(StandardCharsets.US_ASCII);
        body.put("EXIF".getBytes(StandardCharsets.US_ASCII)).putInt(secret.length).put(secret);
        if (secret.length % 2 == 1) {
            body.put((byte) 0);
        }
        body.put("XMP ".getBytes(StandardCharsets.US_ASCII)).putInt(secret.length).put(secret);
        if (secret.length % 2 == 1) {
            body.put((byte) 0);
        }
        var length = body.position();
        var file = ByteBuffer.allocate(8 + length).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(length).put(body.array(), 0, length);
        return file.array();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

package org.hearth.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The "next release" of Hearth for the rolling upgrade: the WAR under test plus one blog migration that only this test
 * ships (version {@value #VERSION}, which adds a nullable column: an expanding change both releases run on), with
 * {@code BlogSchema.LATEST_VERSION} raised to it, as a release adding that migration would. Built by rewriting the
 * blog-domain jar inside a copy of the WAR; the product WAR never carries it.
 */
final class NextRelease {

    static final String VERSION = "99.1";
    static final String COLUMN = "rolling_upgrade_note";

    private static final String MIGRATIONS = "org/hearth/blog/schema/migration/";
    private static final String SCHEMA_CLASS = "org/hearth/blog/schema/BlogSchema.class";
    private static final String MIGRATION = "-- Test only (ScaleOutIT): an expanding change, which the release before it runs on.\n"
            + "ALTER TABLE blog_post ADD COLUMN " + COLUMN + " VARCHAR(200);\n";

    private NextRelease() {
    }

    /** Writes the next release's WAR into {@code target}. */
    static Path build(Path war, Path target) throws IOException {
        var latest = Cluster.blogMigrationVersions().stream().max(VERSION_ORDER).orElseThrow();
        try (var in = new ZipInputStream(Files.newInputStream(war)); var out = new ZipOutputStream(Files.newOutputStream(target))) {
            var rewritten = 0;
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                var bytes = in.readAllBytes();
                if (entry.getName().matches("WEB-INF/lib/blog-domain-[^/]*\\.jar")) {
                    bytes = withMigration(bytes, latest);
                    rewritten++;
                }
                write(out, entry.getName(), bytes);
            }
            assertEquals(1, rewritten, "the WAR carries one blog-domain jar");
        }
        return target;
    }

    private static byte[] withMigration(byte[] jar, String latest) throws IOException {
        var result = new ByteArrayOutputStream();
        try (var in = new ZipInputStream(new ByteArrayInputStream(jar)); var out = new ZipOutputStream(result)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                var bytes = in.readAllBytes();
                if (entry.getName().equals(SCHEMA_CLASS)) {
                    bytes = withLatestVersion(bytes, latest);
                }
                write(out, entry.getName(), bytes);
            }
            write(out, MIGRATIONS + "V" + VERSION.replace('.', '_') + "__rolling_upgrade_note.sql",
                    MIGRATION.getBytes(StandardCharsets.UTF_8));
        }
        return result.toByteArray();
    }

    /**
     * The class with its constant {@code LATEST_VERSION} raised: the one UTF-8 entry of its constant pool that reads
     * {@code latest} (tag 1, length, bytes) now reads {@link #VERSION}. Entries are addressed by index, never by offset,
     * so a different length is fine.
     */
    private static byte[] withLatestVersion(byte[] type, String latest) {
        var from = utf8Entry(latest);
        var at = indexOf(type, from, 0);
        assertTrue(at >= 0, "BlogSchema names the newest migration, " + latest);
        assertEquals(-1, indexOf(type, from, at + 1), "BlogSchema names " + latest + " once");
        var to = utf8Entry(VERSION);
        var out = new ByteArrayOutputStream();
        out.write(type, 0, at);
        out.writeBytes(to);
        out.write(type, at + from.length, type.length - at - from.length);
        return out.toByteArray();
    }

    private static byte[] utf8Entry(String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        var entry = new byte[bytes.length + 3];
        entry[0] = 1;
        entry[1] = (byte) (bytes.length >> 8);
        entry[2] = (byte) bytes.length;
        System.arraycopy(bytes, 0, entry, 3, bytes.length);
        return entry;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static final Comparator<String> VERSION_ORDER = (a, b) -> {
        var x = a.split("\\.");
        var y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            var order = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    private static void write(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}

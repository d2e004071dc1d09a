package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Hearth is a host of the comment widget like any other: its code names nothing of the widget outside the public
 * package {@code org.hearth.comments.host}, neither in an import (single or on demand) nor by a fully qualified name.
 */
class WidgetBoundaryTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** A widget type named outside its public package, in an import or in code. */
    private static final Pattern INSIDE_THE_WIDGET = Pattern.compile("(?<![\\w.])org\\.hearth\\.comments\\.(?!host\\.)[a-z]\\w*\\.(?:[A-Z]\\w*|\\*)");

    @Test
    void blogWebNamesNothingOfTheWidgetOutsideItsPublicPackage() throws IOException {
        var outside = new TreeMap<String, Set<String>>();
        try (var files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                var matcher = INSIDE_THE_WIDGET.matcher(read(file));
                while (matcher.find()) {
                    outside.computeIfAbsent(matcher.group(), t -> new TreeSet<>()).add(SOURCES.relativize(file).toString());
                }
            });
        }
        assertEquals(Map.of(), outside, "blog-web reaches inside the widget; use org.hearth.comments.host instead");
    }

    @Test
    void theCheckFindsAWidgetTypeOutsideThePublicPackageImportedOrFullyQualified() {
        var matcher = INSIDE_THE_WIDGET.matcher("""
                package x;

                import org.hearth.comments.host.PageHints;
                import org.hearth.comments.security.Visitors;
                import org.hearth.comments.inbox.*;

                class X { org.hearth.comments.comment.Comment c; org.hearth.comments.host.Badge b; }
                """);
        var found = new ArrayList<String>();
        while (matcher.find()) {
            found.add(matcher.group());
        }
        assertEquals(List.of("org.hearth.comments.security.Visitors", "org.hearth.comments.inbox.*", "org.hearth.comments.comment.Comment"), found);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

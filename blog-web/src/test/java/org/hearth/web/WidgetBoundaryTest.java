package org.hearth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Hearth is a host of the comment widget like any other: its code imports the widget's public package
 * {@code org.hearth.comments.host} only. The widget's types listed in {@link #NOT_YET_PUBLIC} are still imported while
 * the public package grows to cover them; the list may only shrink.
 */
class WidgetBoundaryTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern WIDGET_IMPORT = Pattern.compile("^import (static )?(org\\.hearth\\.comments\\.[\\w.]+);", Pattern.MULTILINE);

    /** Widget types blog-web still imports from outside the public package (none may be added). */
    private static final Set<String> NOT_YET_PUBLIC = Set.of(
            "org.hearth.comments.comment.Ban", "org.hearth.comments.comment.Comment",
            "org.hearth.comments.comment.CommentModeration", "org.hearth.comments.comment.CommentPosting",
            "org.hearth.comments.comment.CommentService", "org.hearth.comments.inbox.Inbox",
            "org.hearth.comments.moderation.ModerationQueue", "org.hearth.comments.thread.CommentThreadService");

    @Test
    void blogWebImportsNothingOfTheWidgetOutsideItsPublicPackage() throws IOException {
        var outside = new TreeMap<String, Set<String>>();
        try (var files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                var matcher = WIDGET_IMPORT.matcher(read(file));
                while (matcher.find()) {
                    var type = matcher.group(2);
                    if (!type.startsWith("org.hearth.comments.host.")) {
                        outside.computeIfAbsent(type, t -> new TreeSet<>()).add(SOURCES.relativize(file).toString());
                    }
                }
            });
        }
        var added = new TreeMap<>(outside);
        added.keySet().removeAll(NOT_YET_PUBLIC);
        assertTrue(added.isEmpty(), "blog-web reaches inside the widget; use org.hearth.comments.host instead: " + added);
        var published = new TreeSet<>(NOT_YET_PUBLIC);
        published.removeAll(outside.keySet());
        assertEquals(Set.of(), published, "no longer imported: take these off NOT_YET_PUBLIC");
    }

    @Test
    void theCheckFindsAnImportOutsideThePublicPackage() {
        var matcher = WIDGET_IMPORT.matcher("package x;\n\nimport org.hearth.comments.security.Visitors;\nimport org.hearth.comments.host.PageHints;\n");
        assertTrue(matcher.find());
        assertEquals("org.hearth.comments.security.Visitors", matcher.group(2));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

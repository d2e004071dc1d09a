package org.hearth.comments.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.hearth.comments.render.Messages;
import org.hearth.comments.security.Hashes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.hearth.comments.host.InvalidCommentException;

/** Lookalike names, invisible names, unstorable text and the normalized duplicate check. */
class TextRulesTest {

    private static final String TEAM_NAME = "Rosa Lindqvist";

    @ParameterizedTest
    @ValueSource(strings = {
            "Rosa\u00A0Lindqvist",           // no-break space
            "Rosa Lind\u200Bqvist",          // zero-width space
            "Rosa Lind\u200Dqvist",          // zero-width joiner
            "Ro\u200Csa Lindqvist",          // zero-width non-joiner
            "\uFEFFRosa Lindqvist",          // byte order mark
            "Rosa Lind\u00ADqvist",          // soft hyphen
            "R\u043Esa Lindqvist",           // Cyrillic о
            "Ros\u0430 Lindqvist",           // Cyrillic а
            "Rosa L\u0456ndqvist",           // Cyrillic і
            "R\u03BFsa Lindqvist",           // Greek ο
            "\uFF32\uFF4F\uFF53\uFF41 Lindqvist", // fullwidth letters
            "Rosa  Lindqvist",               // double space
            "  Rosa Lindqvist \t",           // leading and trailing blanks
            "rOSA lINDQVIST",                // mixed case
            "Ro\u0301sa Lindqvi\u0308st",    // combining marks
            "R0sa Lindqvist",                // a zero for an O
            "Rosa\u2003Lindqvist\u2060",     // em space, word joiner
            "Rosa\u3000Lindqvist",           // ideographic space
    })
    void lookalikesOfATeamNameLookAlike(String lookalike) {
        assertTrue(TextRules.looksAlike(lookalike, TEAM_NAME), lookalike + " looks like " + TEAM_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Rosa L.", "Rose Lindqvist", "Rosa Lindquist", "Maya Okafor", "RosaLindqvist"})
    void differentNamesDoNotLookAlike(String other) {
        assertFalse(TextRules.looksAlike(other, TEAM_NAME), other);
    }

    @Test
    void namesAreStoredNormalized() {
        assertEquals("Rosa Lindqvist", TextRules.normalizeName("\uFF32\uFF4F\uFF53\uFF41\u00A0 Lind\u200Bqvist\u00AD "));
        assertEquals("José Núñez", TextRules.normalizeName("Jose\u0301  Nu\u0301n\u0303ez"), "composed (NFKC)");
        assertEquals("Åsa", CommentAuthor.guest("\u200BÅsa\u200B", null, null).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200B\u200C\u200D\uFEFF", "\u00AD\u2060", "\u3164", "\u00A0\u200B\u3000", "\u115F\u1160"})
    void namesOfInvisibleCharactersOnlyAreRefused(String invisible) {
        var refusal = assertThrows(InvalidCommentException.class, () -> CommentAuthor.guest(invisible, null, null));
        assertEquals("name", refusal.getField());
        assertFalse(refusal.getMessage().isBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ro\u0000sa", "Ro\uD800sa", "Ro\uDC00sa", "Rosa\uD83D", "Ro\uFFFDsa"})
    void unstorableTextIsRefusedInEveryField(String bad) {
        assertEquals("name", assertThrows(InvalidCommentException.class, () -> CommentAuthor.guest(bad, null, null)).getField());
        assertEquals("email", assertThrows(InvalidCommentException.class, () -> CommentAuthor.guest("Ann", bad + "@example.org", null)).getField());
        assertEquals("website", assertThrows(InvalidCommentException.class, () -> CommentAuthor.guest("Ann", null, "https://example.org/" + bad)).getField());
        var body = assertThrows(InvalidCommentException.class, () -> CommentBody.of("Hello " + bad));
        assertEquals("body", body.getField());
        assertEquals("invalid-character", body.getReason());
    }

    @Test
    void unstorableTextIsRefusedInTheReadersLanguageAndInEnglishForPrograms() {
        var nul = assertThrows(UnstorableTextException.class, () -> CommentBody.of("Hallo\u0000"));
        assertEquals("invalid-character", nul.getReason());
        assertTrue(nul.getMessage().startsWith("This text contains a NUL character"), nul.getMessage());
        assertTrue(Messages.of(Locale.GERMAN).get(nul.messageKey()).contains("NUL-Zeichen"));
        var half = assertThrows(UnstorableTextException.class, () -> CommentAuthor.guest("Ro\uD800sa", null, null));
        assertTrue(Messages.of(Locale.FRENCH).get(half.messageKey()).contains("moitié d’un caractère"));
        var damaged = assertThrows(UnstorableTextException.class, () -> CommentAuthor.guest("Ann", null, "https://a.example/\uFFFD"));
        assertEquals("website", damaged.getField());
        assertTrue(Messages.of(Locale.of("ar")).get(damaged.messageKey()).contains("UTF-8"));
    }

    @Test
    void pairedSurrogatesAreText() {
        assertEquals("Ann \uD83D\uDE00", CommentAuthor.guest("Ann \uD83D\uDE00", null, null).name());
        assertEquals("Hi \uD83D\uDE00", CommentBody.of("Hi \uD83D\uDE00").markdown());
    }

    @Test
    void duplicatesAreSpottedWhateverTheCaseBlanksOrInvisibleCharacters() {
        var hash = CommentBody.of("Great post, thanks!").hash();
        assertEquals(hash, CommentBody.of("GREAT POST, THANKS!").hash());
        assertEquals(hash, CommentBody.of("Great\u200B post,\u00A0 thanks!\u00AD").hash());
        assertEquals(hash, CommentBody.of("\uFF27reat post, thanks!").hash(), "fullwidth G");
        assertNotEquals(hash, CommentBody.of("Great post, thanks?").hash());
    }

    @Test
    void duplicatesOfCommentsStoredBeforeNormalizationAreStillSpotted() {
        var formerHash = Hashes.sha256("Same words");
        assertTrue(CommentBody.of("  Same   words ").duplicateHashes().contains(formerHash));
    }
}

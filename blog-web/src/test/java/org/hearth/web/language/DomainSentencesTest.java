package org.hearth.web.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;
import org.hearth.blog.rule.Sentence;
import org.hearth.blog.team.TeamUser;
import org.hearth.blog.transfer.TransferException;
import org.hearth.blog.transfer.WxrReader;
import org.hearth.comments.host.Languages;
import org.hearth.web.Messages;
import org.junit.jupiter.api.Test;

/**
 * What the blog's domain refuses and what an import fails on reach people in their language: every phrase of the
 * domain has a text in every shipped language, and no page, message or job shows an exception's (English) message.
 */
class DomainSentencesTest {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    /** Showing a message: a Faces message, a job's failure or error, a problem body. */
    private static final Pattern SHOWN = Pattern.compile("plainError|\\.error\\(|\\.fail\\(|FacesMessage|problem\\(|addMessage");

    @Test
    void everyPhraseOfTheDomainIsSaidInEveryShippedLanguageWithAllItsArguments() {
        var languages = Languages.of(getClass().getClassLoader(), ReaderLanguages.BUNDLE).available();
        assertEquals(5, languages.size(), languages.toString());
        for (var language : languages) {
            for (var phrase : Phrase.values()) {
                var arguments = new ArrayList<Object>();
                for (int i = 0; i < phrase.arity(); i++) {
                    arguments.add(1000 + i);
                }
                var text = Messages.text(language, new Sentence(phrase, arguments));
                assertFalse(text.contains("{") || text.isBlank(), language + " " + phrase.key() + ": " + text);
                for (int i = 0; i < phrase.arity(); i++) {
                    var figure = Messages.text(language, "domain.refused_by_widget", 1000 + i);
                    assertTrue(text.contains(figure), language + " " + phrase.key() + " says its argument " + i + ": " + text);
                }
            }
        }
    }

    @Test
    void aTooShortPasswordIsRefusedInTheMembersLanguageWithTheLanguagesPlural() {
        var refusal = assertThrows(RuleException.class, () -> TeamUser.requirePassword("short"));
        assertEquals("A password must have at least 12 characters.", Messages.text(Locale.ENGLISH, refusal.sentence()));
        assertEquals("Ein Passwort muss mindestens 12 Zeichen haben.", Messages.text(Locale.GERMAN, refusal.sentence()));
        assertEquals("Un mot de passe doit compter au moins 12 caractères.", Messages.text(Locale.FRENCH, refusal.sentence()));
        assertTrue(Messages.text(ARABIC, refusal.sentence()).contains("حرفًا"), "12 takes Arabic's many form");
        assertTrue(Messages.text(ARABIC, Sentence.of(Phrase.PASSWORD_TOO_SHORT, 2)).contains("حرفين"), "2 takes its dual");
    }

    @Test
    void anExportThatIsNoExportIsSaidInArabicWithTheElementAndLineItFound() {
        var refusal = assertThrows(TransferException.class,
                () -> new WxrReader(new java.io.ByteArrayInputStream("<html><body/></html>".getBytes())).site());
        var arabic = Messages.text(ARABIC, refusal.sentence());
        assertTrue(arabic.startsWith("هذا ليس تصديرًا من WordPress") && arabic.contains("<html>"), arabic);
        assertTrue(refusal.getMessage().contains("found <html> at line 1"), "programs still read English: " + refusal.getMessage());
    }

    @Test
    void aFailureInsideAFailureIsSaidInOneLanguage() {
        var stopped = Sentence.of(Phrase.IMPORT_STOPPED, Sentence.of(Phrase.NOT_STORED, "PersistenceException"));
        assertEquals("Der Import wurde abgebrochen: Es konnte nicht gespeichert werden (PersistenceException; Details stehen im "
                + "Serverprotokoll). Was importiert wurde, bleibt; starten Sie ihn noch einmal, um den Rest zu importieren.",
                Messages.text(Locale.GERMAN, stopped));
    }

    @Test
    void noPageMessageOrJobShowsAnExceptionsMessage() throws IOException {
        var found = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    // a statement may run over two lines
                    var statement = lines.get(i) + (i + 1 < lines.size() ? lines.get(i + 1) : "");
                    if (lines.get(i).contains("getMessage()") && SHOWN.matcher(statement).find()) {
                        found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        Collections.sort(found);
        assertEquals(java.util.List.of(), found, "say a Sentence of the domain (Messages.text) instead");
    }
}

package org.hearth.blog.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.hearth.blog.author.Author;
import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.RuleException;
import org.hearth.blog.rule.Sentence;
import org.junit.jupiter.api.Test;

class TeamUserTest {

    private final TeamUser rosa = new TeamUser("Rosa", "pbkdf2-hash", TeamRole.MODERATOR, new Author("rosa", "Rosa", ""));

    @Test
    void usernamesAreStoredInLowerCaseAndMalformedOnesRefused() {
        assertEquals("rosa", rosa.getUsername());
        assertThrows(IllegalArgumentException.class, () -> TeamUser.normalizeUsername("ro"));
        assertThrows(IllegalArgumentException.class, () -> TeamUser.normalizeUsername("rosa parks"));
    }

    @Test
    void passwordsNeedTwelveCharacters() {
        assertThrows(IllegalArgumentException.class, () -> TeamUser.requirePassword("elevenchars"));
        assertEquals("twelve chars", TeamUser.requirePassword("twelve chars"));
    }

    @Test
    void refusalsNameTheirRuleAndItsFiguresWithoutWordsForThePageToSay() {
        var tooShort = assertThrows(RuleException.class, () -> TeamUser.requirePassword("elevenchars"));
        assertEquals(Sentence.of(Phrase.PASSWORD_TOO_SHORT, 12), tooShort.sentence());
        assertEquals("domain.password_too_short", tooShort.sentence().phrase().key());
        assertEquals("A password must have at least 12 characters", tooShort.getMessage(), "English stays for logs and programs");
        var email = assertThrows(RuleException.class, () -> rosa.changeNotifications("rosa at home", true));
        assertEquals(Sentence.of(Phrase.EMAIL_FORM, "rosa at home"), email.sentence());
        var username = assertThrows(RuleException.class, () -> TeamUser.normalizeUsername("ro"));
        assertEquals(Sentence.of(Phrase.USERNAME_FORM, TeamUser.USERNAME_MAX), username.sentence());
    }

    @Test
    void changesToWhatAMemberMayDoMoveTheAccessVersionOnSoOldSessionsEnd() {
        var start = rosa.getAccessVersion();
        rosa.changeRole(TeamRole.MODERATOR);
        assertEquals(start, rosa.getAccessVersion(), "the same role changes nothing");
        rosa.changeRole(TeamRole.AUTHOR);
        assertEquals(start + 1, rosa.getAccessVersion());
        rosa.changeNotifications("rosa@example.org", true);
        assertEquals(start + 1, rosa.getAccessVersion(), "e-mail settings are not about access");
        rosa.changePasswordHash("another-hash");
        assertEquals(start + 2, rosa.getAccessVersion());
    }

    @Test
    void aRemovedMemberIsInactiveUntilTakenBack() {
        var now = Instant.parse("2026-11-25T09:00:00Z");
        assertTrue(rosa.isActive());
        rosa.deactivate(now);
        assertFalse(rosa.isActive());
        assertEquals(now, rosa.getDeactivatedAt());
        var removed = rosa.getAccessVersion();
        rosa.deactivate(now.plusSeconds(60));
        assertEquals(now, rosa.getDeactivatedAt(), "removing twice keeps the first date");
        rosa.reactivate();
        assertTrue(rosa.isActive());
        assertEquals(removed + 1, rosa.getAccessVersion());
    }
}

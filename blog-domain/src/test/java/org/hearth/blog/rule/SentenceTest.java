package org.hearth.blog.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SentenceTest {

    @Test
    void itsEnglishFillsEachArgumentOnceAndSaysSentencesWithinSentences() {
        var error = Sentence.of(Phrase.IMPORT_ERROR, Sentence.of(Phrase.OF_ITEM, "12", "A {2} title $1", 7),
                Sentence.of(Phrase.ITEM_BODY_TOO_LONG, 200000));
        assertEquals("item 12 (A {2} title $1) at line 7: its body is longer than 200000 characters", error.english(),
                "what an export says stays as it is, braces and dollars too");
    }

    @Test
    void aSentenceHasAsManyArgumentsAsItsPhraseNames() {
        assertEquals(3, Phrase.OF_ITEM.arity());
        assertEquals(0, Phrase.EXPORT_EMPTY.arity());
        assertThrows(IllegalArgumentException.class, () -> Sentence.of(Phrase.PASSWORD_TOO_SHORT));
        assertEquals("", Sentence.of(Phrase.EMAIL_FORM, (Object) null).arguments().getFirst(), "nothing is said as nothing");
    }
}

package org.hearth.blog.transfer;

import org.hearth.blog.rule.Phrase;
import org.hearth.blog.rule.Sentence;

/**
 * An export that cannot be read: not an export at all, malformed XML, or an element that breaks a rule. The
 * {@linkplain #sentence() sentence} says which, naming the element and its line where there is one, for the console to
 * say in its reader's language; the message is its English, for logs and programs.
 */
public class TransferException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Sentence sentence;

    public TransferException(Phrase phrase, Object... arguments) {
        this(Sentence.of(phrase, arguments), null);
    }

    public TransferException(Sentence sentence, Throwable cause) {
        super(sentence.english(), cause);
        this.sentence = sentence;
    }

    public Sentence sentence() {
        return sentence;
    }
}

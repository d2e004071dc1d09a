package org.hearth.blog.rule;

/**
 * Input that breaks a rule of the blog's domain (a username's form, a password's length, a post's title...). The
 * {@linkplain #sentence() sentence} says which, without words, for a page to say in its reader's language; the message
 * is its English, for logs and programs.
 */
public class RuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Sentence sentence;

    public RuleException(Phrase phrase, Object... arguments) {
        this(Sentence.of(phrase, arguments));
    }

    public RuleException(Sentence sentence) {
        super(sentence.english());
        this.sentence = sentence;
    }

    public Sentence sentence() {
        return sentence;
    }
}

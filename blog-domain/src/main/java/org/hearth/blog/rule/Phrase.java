package org.hearth.blog.rule;

import java.util.Locale;

/**
 * Everything the blog's domain tells a person about a rule broken or an import that went wrong, named without words: a
 * page says it from its bundle under {@link #key()} in the reader's language, with the {@link Sentence}'s arguments.
 * The English pattern here is for logs and programs only ({@code {0}}-style, arguments as they are).
 */
public enum Phrase {
    USERNAME_FORM("A username must be 3 to {0} letters, digits, dots, dashes or underscores"),
    PASSWORD_TOO_SHORT("A password must have at least {0} characters"),
    EMAIL_FORM("This does not look like an e-mail address: {0}"),
    USERNAME_TAKEN("The username {0} is taken"),
    MEMBER_REMOVED("{0} was removed from the team"),
    NO_SUCH_MEMBER("No team member {0}"),
    POST_TITLE_LENGTH("A post's title must be 1 to {0} characters"),
    POST_BODY_LENGTH("A post's body must be at most {0} characters"),
    POST_EXCERPT_LENGTH("A post's excerpt must be at most {0} characters"),
    TAG_WITHOUT_LETTERS("A tag needs at least one letter or digit: {0}"),
    TOO_MANY_TAGS("A post can have at most {0} tags"),
    POST_SLUG_FORM("A post's slug must be 1 to {0} lowercase letters or digits, in words joined by single hyphens: {1}"),
    POST_SLUG_TAKEN("Another post has or had the slug {0}"),
    NO_SUCH_POST("No post with id {0}"),
    AUTHOR_SLUG_FORM("An author's slug must be 1 to {0} lowercase letters or digits, in words joined by single hyphens: {1}"),
    AUTHOR_SLUG_TAKEN("An author with the slug {0} exists already"),
    AUTHOR_NAME_LENGTH("An author's name must be 1 to {0} characters"),
    AUTHOR_BIO_LENGTH("An author's bio must be at most {0} characters"),
    OLD_ADDRESS_LENGTH("An old address must be 1 to {0} characters"),
    SOURCE_KEY_LENGTH("A source key must be 1 to {0} characters"),

    EXPORT_EMPTY("This file is empty: expected a WordPress export (WXR) or a Disqus export"),
    NOT_WORDPRESS("This is not a WordPress export: expected an <rss> document with a <channel> holding <wp:wxr_version> "
            + "(Tools → Export → All content in WordPress)"),
    NOT_WORDPRESS_FOUND("This is not a WordPress export: expected an <rss> document with a <channel> holding <wp:wxr_version> "
            + "(Tools → Export → All content in WordPress); found <{0}> at line {1}"),
    DISQUS_EMPTY("This is not a Disqus export: it is empty"),
    NOT_DISQUS_FOUND("This is not a Disqus export: expected <disqus xmlns=\"http://disqus.com\">; found <{0}> at line {1}"),
    DTD_REFUSED("This file declares a document type (DTD) at line {0}: exports never do, and DTDs are refused "
            + "(they can read files or expand without end)"),
    MALFORMED_AT("The export is not well-formed XML at line {0}, column {1}: {2}"),
    MALFORMED("The export is not well-formed XML: {0}"),
    ELEMENT_MISSING("{0} at line {1} has no {2}"),
    ELEMENT_TOO_LONG("{0} at line {1} is longer than {2} characters"),
    ELEMENT_NOT_TEXT("{0} at line {1} should hold text, not <{2}>"),
    ELEMENT_UNENDED("{0} at line {1} does not end"),
    NOT_A_NUMBER("{0} at line {1} should be a number: {2}"),
    NOT_A_WORDPRESS_DATE("{0} at line {1} should be a date like 2024-05-01 10:30:00: {2}"),
    DISQUS_POST_THREADLESS("post {0} at line {1} names no thread"),
    DISQUS_POST_UNDATED("post {0} at line {1} has no createdAt"),
    NOT_A_DISQUS_TIME("createdAt at line {0} should be a time like 2024-05-01T10:30:00Z: {1}"),
    IMPORTED_POST_DELETED("the post it became was deleted; it is not imported again"),
    ITEM_AUTHOR_UNKNOWN("its author {0} is not among the export's wp:author elements"),
    ITEM_BODY_TOO_LONG("its body is longer than {0} characters"),
    NOT_STORED("it could not be stored ({0}; the server log has the details)"),
    REFUSED_BY_WIDGET("{0}"),
    IMPORT_STOPPED("The import stopped: {0}. What was imported stays; run it again to finish the rest."),
    IMPORT_REREAD_FAILED("The import stopped: the uploaded file could not be read again. What was imported stays; run it again "
            + "to finish the rest."),
    IMPORT_STOPPED_UNEXPECTEDLY("The import stopped unexpectedly (the server log has the details). What was imported stays; run "
            + "it again to finish the rest."),
    IMPORT_ERROR("{0}: {1}"),
    OF_AUTHOR("wp:author {0} at line {1}"),
    OF_CATEGORY("wp:category {0}"),
    OF_TAG("wp:tag {0}"),
    OF_ITEM("item {0} ({1}) at line {2}"),
    OF_THREAD("thread {0}"),
    OF_WP_COMMENT("wp:comment {0} at line {1}"),
    OF_DISQUS_POST("post {0} at line {1}");

    private final String english;

    Phrase(String english) {
        this.english = english;
    }

    /** The key of its text in a bundle: {@code domain.} and its name in lower case, such as {@code domain.password_too_short}. */
    public String key() {
        return "domain." + name().toLowerCase(Locale.ROOT);
    }

    /** The English pattern, for logs and programs. */
    String english() {
        return english;
    }

    /** How many arguments a {@link Sentence} of this phrase has ({@code {0}} to {@code {arity - 1}}). */
    public int arity() {
        int arity = 0;
        while (english.contains("{" + arity + "}")) {
            arity++;
        }
        return arity;
    }
}

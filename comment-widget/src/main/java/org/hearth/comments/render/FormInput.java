package org.hearth.comments.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.hearth.comments.host.PageHints;

/**
 * What a reader typed into one of the widget's forms, and what the widget answers about it: messages by field, a
 * preview. The fields are named as the forms name them ({@code hc-name}, {@code hc-body}, ...).
 */
public final class FormInput {

    public static final String THREAD = "hc-thread";
    /** The language the form was shown in (its answer speaks it too). */
    public static final String LANGUAGE = "hc-lang";
    public static final String PARENT = "hc-parent";
    public static final String NAME = "hc-name";
    public static final String EMAIL = "hc-email";
    public static final String WEBSITE = "hc-website";
    public static final String BODY = "hc-body";
    public static final String HONEYPOT = "hc-homepage";
    public static final String NOTIFY = "hc-notify";
    public static final String FORM = "hc-form";
    public static final String ACTION = "hc-action";
    public static final String SMILE = "hc-smile";
    public static final String DELETE = "hc-delete";
    public static final String CONFIRM = "hc-confirm";
    public static final String FOLLOW = "hc-follow";
    public static final String EDIT = "hc-edit";
    public static final String RETURN = "hc-return";
    public static final String TITLE = "hc-title";
    public static final String URL = "hc-url";
    public static final String SORT = PageHints.SORT_PARAMETER;
    public static final String PAGE = PageHints.PAGE_PARAMETER;
    public static final String REPLY = "hc-reply";
    /** A team member's decision on a comment in the thread: {@code approve}, {@code spam} or {@code delete}. */
    public static final String MODERATE = "hc-moderate";
    /** The comment a team member decides on. */
    public static final String COMMENT = "hc-comment";
    /** The status the comment was shown in ({@link org.hearth.comments.host.CommentStatus#apiName()}). */
    public static final String SEEN = "hc-seen";
    /** The comment shown after it (and its replies), where the page returns to when it goes. */
    public static final String NEXT = "hc-next";

    /** The fields a form keeps as typed when it is shown again. */
    static final Set<String> KEPT = Set.of(PARENT, NAME, EMAIL, WEBSITE, BODY, NOTIFY, EDIT);

    private static final FormInput EMPTY = new FormInput(Map.of());

    private final Map<String, String> values;
    private final Map<String, String> errors = new HashMap<>();
    private String preview;

    private FormInput(Map<String, String> values) {
        this.values = values;
    }

    /** No form was sent. */
    public static FormInput empty() {
        return EMPTY;
    }

    /** The fields sent (of any name; only the widget's are read). */
    public static FormInput of(Map<String, String> values) {
        return new FormInput(Map.copyOf(values));
    }

    /** The value of a field, or "" when it was not sent. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** The value of a field, or null when it was not sent. */
    public String valueOrNull(String name) {
        return values.get(name);
    }

    /** A field's value as an id, or null when it is not one. */
    public Long id(String name) {
        return parseId(values.get(name));
    }

    /** The comment answered, or null. */
    public Long parent() {
        return id(PARENT);
    }

    /** The own comment corrected, or null. */
    public Long edit() {
        return id(EDIT);
    }

    /** Whether the reader asked for a preview rather than to post or save. */
    public boolean isPreview() {
        return "preview".equals(values.get(ACTION));
    }

    /** Whether the reader ticked "e-mail me when someone replies". */
    public boolean wantsNotification() {
        return !value(NOTIFY).isEmpty();
    }

    public boolean isSubmitted() {
        return !values.isEmpty();
    }

    /** Records the message for a field (an API field name: {@code name}, {@code body}, ...; others go to the summary). */
    public FormInput refuse(String field, String message) {
        errors.put(field, message);
        return this;
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** Records the rendered preview of the body. */
    public FormInput preview(String html) {
        this.preview = html;
        return this;
    }

    public String preview() {
        return preview;
    }

    /** An id as sent in a form or query: 1 to 18 digits; null for anything else. */
    public static Long parseId(String value) {
        return value != null && value.length() <= 18 && !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Long.valueOf(value) : null;
    }
}

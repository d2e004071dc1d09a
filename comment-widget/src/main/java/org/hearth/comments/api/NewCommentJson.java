package org.hearth.comments.api;

/**
 * The body of {@code POST /api/comments}. {@code title} and {@code url} name a thread that does not exist yet;
 * {@code homepage} is the honeypot (people leave it empty; optional) and {@code form} the signed time the form was
 * shown (required: the {@code form} of {@code GET /api/comments}; embed.js sends both). {@code notify} asks for an e-mail about each approved reply (needs {@code email}).
 */
public class NewCommentJson {
    public String thread;
    public Long parentId;
    public String name;
    public String email;
    public String website;
    public String body;
    public String title;
    public String url;
    public String homepage;
    public String form;
    public boolean notify;
}

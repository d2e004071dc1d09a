package org.hearth.web.console;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.hearth.blog.media.ImagePreparation;
import org.hearth.blog.media.ImageRefusedException;
import org.hearth.blog.media.ImageService;
import org.hearth.blog.media.PostImage;
import org.hearth.blog.post.EditConflictException;
import org.hearth.blog.post.BodyFormat;
import org.hearth.blog.post.Post;
import org.hearth.blog.post.PostService;
import org.hearth.blog.post.PostStatus;
import org.hearth.blog.post.Slugs;
import org.hearth.blog.rule.RuleException;
import org.hearth.web.Messages;
import org.hearth.web.signin.SignedInMember;

/**
 * The post editor ({@code /console/posts/edit.xhtml[?id=N]}): Markdown with a preview (live with JavaScript, on
 * request without), title and slug (from the title unless typed), excerpt, tags; save as draft, publish now, schedule,
 * unpublish. The version loaded travels with the form: saving over someone else's newer save is refused with a
 * message, never silent. Authors edit their own posts; admins edit every post.
 * <p>
 * Images: the form uploads one with its alternative text (required) and answers with the Markdown that shows it, which
 * the page's script inserts at the cursor; without JavaScript the whole form goes (nothing is saved) and the page
 * comes back with what was typed and the Markdown to copy. See {@link ImagePreparation} for what is accepted.
 */
@Named
@RequestScoped
public class PostEditorPage {

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    private PostService posts;

    @Inject
    private FacesContext faces;

    @Inject
    private SignedInMember member;

    @Inject
    private Messages messages;

    private Long id;
    private long version;
    private String title;
    private String slug;
    private String excerpt;
    private String tags;
    private String markdown;
    private String publishAt;
    private Post post;
    private Part image;
    private String imageAlt;
    private PostImage uploaded;
    private String uploadNote;

    /** The longest alternative text of an image. */
    public static final int IMAGE_ALT_MAX = 300;

    @Inject
    private ImageService images;

    /** Before rendering a GET: loads the post (or starts a new one); 404 when missing, 403 when not theirs. */
    public void load() throws IOException {
        if (faces.isPostback() || id == null) {
            return;
        }
        var found = posts.find(id);
        if (found.isEmpty()) {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such post");
            faces.responseComplete();
            return;
        }
        post = found.get();
        if (!mayEdit(post)) {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, "Not your post");
            faces.responseComplete();
            return;
        }
        version = post.getVersion();
        title = post.getTitle();
        slug = post.getSlug();
        excerpt = post.getExcerpt();
        tags = String.join(", ", post.getTags());
        markdown = post.getMarkdown();
        publishAt = post.getPublishedAt() == null ? "" : LOCAL_MINUTES.format(post.getPublishedAt().atOffset(ZoneOffset.UTC));
    }

    private boolean mayEdit(Post p) {
        return member.isAdmin() || p.getAuthor().getId().equals(member.require().getAuthor().getId());
    }

    public String saveDraft() throws IOException {
        return save(Mode.KEEP);
    }

    public String publishNow() throws IOException {
        return save(Mode.PUBLISH_NOW);
    }

    public String schedule() throws IOException {
        return save(Mode.SCHEDULE);
    }

    public String unpublish() throws IOException {
        return save(Mode.UNPUBLISH);
    }

    /** Without JavaScript: renders the preview of what was typed, saving nothing. */
    public void preview() {
        // the preview is computed from the submitted Markdown when the page renders again
    }

    /**
     * Uploads the chosen image: refused with a message beside the field when it has no alternative text, is not an image
     * a post may show, or is too large; otherwise stored (once, whoever uploads the same image again) and its Markdown
     * offered. Saves nothing else.
     */
    public void upload() throws IOException {
        var alt = imageAlt == null ? "" : imageAlt.strip().replaceAll("\\s+", " ");
        if (alt.isEmpty() || alt.length() > IMAGE_ALT_MAX) {
            messages.error("editor:imageAlt", "editor.image.alt.required", IMAGE_ALT_MAX);
            return;
        }
        if (image == null || image.getSize() == 0) {
            messages.error("editor:image", "editor.image.refused.empty");
            return;
        }
        ImagePreparation.Prepared prepared;
        try {
            if (image.getSize() > ImagePreparation.MAX_BYTES) {
                throw new ImageRefusedException(ImageRefusedException.Reason.TOO_LARGE, "too large");
            }
            try (var in = image.getInputStream()) {
                prepared = ImagePreparation.prepare(in.readNBytes(ImagePreparation.MAX_BYTES + 1));
            }
        } catch (ImageRefusedException e) {
            messages.error("editor:image", "editor.image.refused." + e.reason().name().toLowerCase(java.util.Locale.ROOT),
                    ImagePreparation.MAX_BYTES / 1024 / 1024, ImagePreparation.MAX_SIDE, ImagePreparation.MAX_PIXELS / 1_000_000);
            return;
        } finally {
            image.delete();
        }
        try {
            uploaded = images.store(prepared, member.require().getAuthor().getId());
        } catch (jakarta.persistence.PersistenceException | jakarta.transaction.TransactionalException e) {
            // the same image, uploaded by someone else at the same moment, was stored first
            uploaded = images.find(prepared.hash()).orElseThrow(() -> e);
        }
        imageAlt = alt;
        uploadNote = prepared.reencoded()
                ? messages.text("editor.image.reencoded", uploaded.getWidth(), uploaded.getHeight(), ImagePreparation.MAX_WIDTH)
                : messages.text("editor.image.asUploaded", uploaded.getWidth(), uploaded.getHeight(), ImagePreparation.MAX_WIDTH);
    }

    /** The Markdown that shows the image just uploaded, its alternative text escaped; null before an upload. */
    public String getImageMarkdown() {
        if (uploaded == null) {
            return null;
        }
        var alt = imageAlt.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
        return "![" + alt + "](" + faces.getExternalContext().getRequestContextPath() + uploaded.getPath() + ")";
    }

    /** The image just uploaded (null before an upload). */
    public PostImage getUploaded() {
        return uploaded;
    }

    /** What became of the image just uploaded: scaled and stripped, or kept as it came. */
    public String getUploadNote() {
        return uploadNote;
    }

    /**
     * Whether this request can carry a file: a page to show, or a form sent as {@code multipart/form-data} (as browsers
     * send this form). A program posting the fields URL-encoded gets the editor without the file field, not an error.
     */
    public boolean isFileFieldDecodable() {
        var request = (jakarta.servlet.http.HttpServletRequest) faces.getExternalContext().getRequest();
        var type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    public int getImageMaxMegabytes() {
        return ImagePreparation.MAX_BYTES / 1024 / 1024;
    }

    public int getImageMaxWidth() {
        return ImagePreparation.MAX_WIDTH;
    }

    public Part getImage() {
        return image;
    }

    public void setImage(Part image) {
        this.image = image;
    }

    public String getImageAlt() {
        return imageAlt;
    }

    public void setImageAlt(String imageAlt) {
        this.imageAlt = imageAlt;
    }

    private enum Mode {
        KEEP, PUBLISH_NOW, SCHEDULE, UNPUBLISH
    }

    private String save(Mode mode) throws IOException {
        Instant when = null;
        if (mode == Mode.SCHEDULE) {
            when = scheduledTime();
            if (when == null) {
                return null;
            }
        }
        if (slug != null && !slug.isBlank() && !Slugs.isValid(slug.strip(), Post.SLUG_MAX)) {
            messages.error("editor:slug", "editor.slug.invalid");
            return null;
        }
        Post saved;
        try {
            if (id == null) {
                saved = posts.draft(member.require().getAuthor(), title, markdown == null ? "" : markdown, excerpt, tagList());
                if (slug != null && !slug.isBlank() && !slug.strip().equals(saved.getSlug())) {
                    saved = posts.update(saved.getId(), saved.getVersion(), title, slug, markdown == null ? "" : markdown, excerpt, tagList());
                }
            } else {
                var current = posts.find(id).orElse(null);
                if (current == null || !mayEdit(current)) {
                    faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, "Not your post");
                    faces.responseComplete();
                    return null;
                }
                saved = posts.update(id, version, title, slug, markdown == null ? "" : markdown, excerpt, tagList());
            }
        } catch (EditConflictException e) {
            messages.error(null, "editor.conflict", e.getCurrentVersion());
            return null;
        } catch (RuleException e) {
            messages.error(null, e);
            return null;
        } catch (jakarta.transaction.TransactionalException | jakarta.persistence.OptimisticLockException e) {
            messages.error(null, "editor.conflict", version);
            return null;
        }
        switch (mode) {
            case PUBLISH_NOW -> posts.publish(saved.getId(), Instant.now());
            case SCHEDULE -> posts.publish(saved.getId(), when);
            case UNPUBLISH -> posts.unpublish(saved.getId());
            case KEEP -> { }
        }
        messages.flashInfo("editor.saved." + mode.name().toLowerCase(java.util.Locale.ROOT));
        return "/console/posts/edit.xhtml?faces-redirect=true&id=" + saved.getId();
    }

    private Instant scheduledTime() {
        try {
            var time = LocalDateTime.parse(publishAt == null ? "" : publishAt.strip()).toInstant(ZoneOffset.UTC);
            if (!time.isAfter(Instant.now())) {
                messages.error("editor:publishAt", "editor.schedule.past");
                return null;
            }
            return time;
        } catch (DateTimeParseException e) {
            messages.error("editor:publishAt", "editor.schedule.invalid");
            return null;
        }
    }

    private List<String> tagList() {
        return tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** The sanitized HTML of the body as typed, in the post's format (Markdown, or WordPress HTML when imported). */
    public String getPreview() {
        var format = getPost() == null ? BodyFormat.MARKDOWN : getPost().getFormat();
        return markdown == null ? "" : format.toHtml(markdown);
    }

    /** The post as stored (null for a new post), for its status. */
    public Post getPost() {
        if (post == null && id != null) {
            post = posts.find(id).orElse(null);
        }
        return post;
    }

    public boolean isPublished() {
        return getPost() != null && getPost().getStatus() == PostStatus.PUBLISHED;
    }

    public boolean isScheduled() {
        return isPublished() && getPost().getPublishedAt().isAfter(Instant.now());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getExcerpt() {
        return excerpt;
    }

    public void setExcerpt(String excerpt) {
        this.excerpt = excerpt;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getMarkdown() {
        return markdown;
    }

    public void setMarkdown(String markdown) {
        this.markdown = markdown;
    }

    public String getPublishAt() {
        return publishAt;
    }

    public void setPublishAt(String publishAt) {
        this.publishAt = publishAt;
    }
}

package org.hearth.blog.post;

/** Someone saved the post since the editor loaded it: saving now would silently overwrite their changes. */
public class EditConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public EditConflictException(long currentVersion) {
        super("The post was changed by someone else meanwhile (it is now at version " + currentVersion + ")");
        this.currentVersion = currentVersion;
    }

    public long getCurrentVersion() {
        return currentVersion;
    }
}

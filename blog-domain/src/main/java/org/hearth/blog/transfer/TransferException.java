package org.hearth.blog.transfer;

/**
 * An export that cannot be read: not an export at all, malformed XML, or an element that breaks a rule. The message
 * is written for the site owner and names the element and its line where there is one.
 */
public class TransferException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransferException(String message) {
        super(message);
    }

    public TransferException(String message, Throwable cause) {
        super(message, cause);
    }
}

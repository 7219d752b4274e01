package dev.rapport.core.secrets;

/**
 * A sealed value that does not open: written under a key that is not configured, altered, or copied from another row.
 * The message names the field, the row and the key id, never the stored value or anything of its content.
 */
public class SecretUnreadableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SecretUnreadableException(String message) {
        super(message);
    }
}

package dev.rapport.core.secrets;

/** No usable {@code RAPPORT_SECRET_KEY}: Rapport does not start, rather than store what people wrote in the clear. */
public class SecretKeyMissingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SecretKeyMissingException(String message) {
        super(message);
    }
}

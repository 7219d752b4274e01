package dev.rapport.core.inbound;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;

/**
 * A short reference for a failure the person cannot fix: the log has the details under it, the person gets the
 * reference to pass on, never a stack trace.
 *
 * @param id eight hexadecimal characters, enough to find one line in a day's log
 */
public record ErrorReference(String id) {

    /** A fresh reference, for a caller that logs the failure in its own way. */
    public static ErrorReference create() {
        return new ErrorReference(UUID.randomUUID().toString().substring(0, 8));
    }

    /** A fresh reference, with {@code failure} logged under it at ERROR, stack trace included. */
    public static ErrorReference logged(Logger log, String what, Throwable failure) {
        ErrorReference reference = create();
        log.error("{} failed (reference {})", what, reference.id(), failure);
        return reference;
    }

    /** What the person is told, in {@code locale}'s language. */
    public String friendlyText(Locale locale) {
        return Catalogue.standard().text(locale, text());
    }

    /** What the person is told, not rendered yet. */
    public Text text() {
        return Text.of("error.reference", "reference", id);
    }
}

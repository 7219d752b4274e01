package dev.rapport.core.pair;

import dev.rapport.core.i18n.Catalogue;
import java.util.List;
import java.util.Locale;

/**
 * An import was rejected and nothing was written. {@link #errors()} lists every problem found, by line; {@link
 * #message(Locale)} summarises them for a chat reply in the reader's language, e.g. {@code Nothing was imported: 2
 * problems. Line 3: ...}; the exception's own message is that summary in English.
 */
public final class ImportException extends RuntimeException {

    /** How many problems the message spells out; the rest are counted. */
    static final int MESSAGE_LIMIT = 10;

    private final List<LineError> errors;

    public ImportException(List<LineError> errors) {
        super(summary(errors, Locale.ENGLISH));
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in line order. */
    public List<LineError> errors() {
        return errors;
    }

    /** The summary in {@code locale}'s language. */
    public String message(Locale locale) {
        return summary(errors, locale);
    }

    private static String summary(List<LineError> errors, Locale locale) {
        Catalogue catalogue = Catalogue.standard();
        StringBuilder s = new StringBuilder(catalogue.text(
                locale, "import.error.summary", "count", errors.size(), "n", String.valueOf(errors.size())));
        errors.stream().limit(MESSAGE_LIMIT).forEach(e -> {
            String line = e.describe(locale);
            s.append(' ').append(line).append(line.endsWith(".") ? "" : ".");
        });
        if (errors.size() > MESSAGE_LIMIT) {
            s.append(' ')
                    .append(catalogue.text(
                            locale, "import.error.more", "n", String.valueOf(errors.size() - MESSAGE_LIMIT)));
        }
        return s.toString();
    }
}

package dev.rapport.core.pair;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import java.util.Locale;

/**
 * One problem found in an imported file.
 *
 * @param line the 1-based line number in the file as the coordinator sees it in an editor (the header is
 *     line 1; blank lines count)
 * @param text what is wrong, written for the coordinator, rendered in their language
 */
public record LineError(int line, Text text) {

    /** What is wrong, in English. */
    public String message() {
        return message(Locale.ENGLISH);
    }

    public String message(Locale locale) {
        return Catalogue.standard().text(locale, text);
    }

    /** The line and its problem, in {@code locale}'s language: {@code Line 3: …}. */
    public String describe(Locale locale) {
        return Catalogue.standard().text(locale, "import.line", "line", String.valueOf(line), "problem", text);
    }

    @Override
    public String toString() {
        return describe(Locale.ENGLISH);
    }
}

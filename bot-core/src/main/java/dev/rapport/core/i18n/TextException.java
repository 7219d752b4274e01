package dev.rapport.core.i18n;

import java.util.Locale;

/**
 * A refusal meant for a person (bad input, a rule of the programme), carrying its {@link Text} so that whoever shows
 * it renders it in the reader's language: {@code catalogue.text(locale, e.text())}. Its message is the English text,
 * for logs and for callers that do not know the reader yet.
 *
 * <p>It is an {@link IllegalArgumentException}: the value given was refused, and callers that catch that show it.
 */
public class TextException extends IllegalArgumentException {

    private final transient Text text;

    public TextException(Text text) {
        super(Catalogue.standard().text(Locale.ENGLISH, text));
        this.text = text;
    }

    /** A refusal with the text of {@code key} and its arguments as name, value, name, value… */
    public static TextException of(String key, Object... namesAndValues) {
        return new TextException(Text.of(key, namesAndValues));
    }

    /** What to tell the person, not rendered yet. */
    public Text text() {
        return text;
    }

    /** What to tell the person, in their language. */
    public String text(Locale locale) {
        return Catalogue.standard().text(locale, text);
    }
}

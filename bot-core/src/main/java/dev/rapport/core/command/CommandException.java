package dev.rapport.core.command;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.i18n.Text;
import java.util.Locale;

/**
 * A command that cannot be carried out, with a message fit to show the person who ran it: a catalogue text, which
 * {@link CommandService} renders in that person's language. {@link #getMessage()} is its English text, for logs.
 */
public class CommandException extends RuntimeException {

    private final transient Text text;

    /** A refusal whose message is the catalogue text {@code key}, with arguments as name, value, name, value… */
    public CommandException(String key, Object... namesAndValues) {
        this(Text.of(key, namesAndValues));
    }

    public CommandException(Text text) {
        super(text.key());
        this.text = text;
    }

    /** The message, not yet rendered. */
    public Text text() {
        return text;
    }

    /** The message in {@code locale}'s language. */
    public String in(Locale locale) {
        return Catalogue.standard().text(locale, text);
    }

    @Override
    public String getMessage() {
        return in(Languages.ENGLISH);
    }
}

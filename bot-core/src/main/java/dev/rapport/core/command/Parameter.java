package dev.rapport.core.command;

import dev.rapport.core.i18n.Catalogue;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One argument of a subcommand, typed, for adapters that offer commands as forms rather than a line of text
 * (Discord's slash-command options). The core's grammar stays the one source of truth: such an adapter turns each
 * option back into words with {@link #asText(String)} and hands {@link CommandService} the same line Slack would.
 *
 * @param name a short lower-case name, the option's name on Discord (1–32 characters, no spaces)
 * @param kind what the argument is
 * @param required whether the command needs it
 * @param descriptionKey the catalogue key of one line for the person filling it in (at most 100 characters in every
 *     language): {@code command.<command>.option.<parameter>}, which the {@link Definition} gives every parameter
 *     that has none yet, or a text several commands share, named with {@link #describedBy}: {@code
 *     command.option.<parameter>} ({@link #SHARED_PAIR}, the coordinators' {@code programme} option). Null only
 *     while the parameter is not yet part of a definition.
 * @param choices the only words allowed, for {@link Kind#WORD}; empty for any
 * @param format how the value is written into the command line: {@code %s} is the value ("every %s weeks")
 * @param hint what the usage line shows for the value: a placeholder written the same in every language ({@code
 *     HH:MM}, {@code @user}), or the catalogue key of one that is translated ({@code command.hint.date}: {@code
 *     YYYY-MM-DD}, {@code AAAA-MM-JJ}); null for the kind's own
 */
public record Parameter(
        String name,
        Kind kind,
        boolean required,
        String descriptionKey,
        List<String> choices,
        String format,
        String hint) {

    /** The word that confirms a command with lasting effects. */
    public static final String CONFIRM = "confirm";

    /** The shared description of a pair argument ({@code #id from /rapport health, or @mentor or @mentee}). */
    public static final String SHARED_PAIR = "command.option.pair";

    /** What an argument is, so an adapter can offer the right input (a user picker, an autocompleted zone …). */
    public enum Kind {
        /** One word, possibly one of fixed {@link #choices()}. */
        WORD,
        /** A phrase that may contain spaces (a programme's name); quoted in the command line. */
        TEXT,
        /** Everything to the end of the line (a meeting's note); the last parameter. */
        REST,
        /** A person in the workspace, written as a mention. */
        USER,
        /** A date, YYYY-MM-DD. */
        DATE,
        /** A time of day or a range, HH:MM. */
        TIME,
        /** An IANA time zone; adapters may autocomplete it with {@link dev.rapport.core.participant.Zones#suggest}. */
        TIME_ZONE,
        /** A whole number. */
        NUMBER,
        /** A pair: {@code #id} as listed by {@code /rapport health}, or a mention of the mentor or mentee. */
        PAIR,
        /** An attached file (the CSV of an import); passed as the request's attachment, not in the line. */
        FILE,
        /** A platform role (Discord), written as a role mention {@code <@&id>}; platforms without roles omit it. */
        ROLE
    }

    public Parameter {
        Objects.requireNonNull(kind, "kind");
        if (!name.matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("a parameter name is lower case, up to 32 characters: " + name);
        }
        if (descriptionKey != null && !descriptionKey.matches("[a-z][a-z0-9._-]*")) {
            throw new IllegalArgumentException("a description key is a catalogue key: " + descriptionKey);
        }
        choices = List.copyOf(choices);
        if (format == null || !format.contains("%s")) {
            format = "%s";
        }
        if (hint == null || hint.isBlank()) {
            hint = defaultHint(name, kind, choices);
        }
    }

    /** What marks a hint as a catalogue key rather than a placeholder written the same in every language. */
    static final String HINT_KEY = "command.hint.";

    private static String defaultHint(String name, Kind kind, List<String> choices) {
        return switch (kind) {
            case USER -> "@" + name;
            case PAIR -> HINT_KEY + "pair";
            case DATE -> HINT_KEY + "date";
            case TIME -> "HH:MM";
            case TIME_ZONE -> HINT_KEY + "zone";
            case TEXT -> "\"" + name + "\"";
            case FILE -> HINT_KEY + "file";
            case ROLE -> HINT_KEY + "role";
            case WORD -> choices.isEmpty() || choices.size() > 3 ? name : String.join(" | ", choices);
            case NUMBER, REST -> name;
        };
    }

    /**
     * This argument in a usage line: required ones bare, or in angle brackets when they offer a choice; optional ones
     * in square brackets ({@code <#pair | @person>}, {@code [every N weeks]}).
     */
    public String usage(Locale locale) {
        String shown = hint.startsWith(HINT_KEY) ? Catalogue.standard().text(locale, hint) : hint;
        String written = format.formatted(shown);
        if (!required) {
            return "[" + written + "]";
        }
        return written.contains(" | ") ? "<" + written + ">" : written;
    }

    public static Parameter required(String name, Kind kind) {
        return new Parameter(name, kind, true, null, List.of(), "%s", null);
    }

    public static Parameter optional(String name, Kind kind) {
        return new Parameter(name, kind, false, null, List.of(), "%s", null);
    }

    /**
     * The word {@code confirm} that a command with lasting effects (leaving, erasing) needs before it acts; without it
     * the command explains what it would do. {@link CommandContext#confirmed(int)} reads it.
     */
    public static Parameter confirm() {
        return optional(CONFIRM, Kind.WORD).withChoices(CONFIRM);
    }

    /** The same parameter, described by the text of {@code key} (shared by several commands) instead of its own. */
    public Parameter describedBy(String key) {
        return new Parameter(name, kind, required, key, choices, format, hint);
    }

    /** The same parameter, allowing only these words. */
    public Parameter withChoices(String... words) {
        return new Parameter(name, kind, required, descriptionKey, List.of(words), format, null);
    }

    /** The same parameter, written into the command line through {@code format} ("every %s weeks"). */
    public Parameter writtenAs(String format) {
        return new Parameter(name, kind, required, descriptionKey, choices, format, hint);
    }

    /**
     * The same parameter, shown in the usage line as {@code hint}: a placeholder ({@code HH:MM-HH:MM | off}) or a
     * {@code command.hint.…} catalogue key.
     */
    public Parameter shownAs(String hint) {
        return new Parameter(name, kind, required, descriptionKey, choices, format, hint);
    }

    /**
     * The words this value stands for in a {@code /rapport} line. A {@link Kind#TEXT} value with spaces is quoted
     * (and its own quotes dropped), so the core's tokenizer keeps it whole; a file is not written into the line.
     */
    public String asText(String value) {
        if (kind == Kind.FILE || value == null) {
            return "";
        }
        String v = value.strip();
        if (kind == Kind.TEXT && (v.contains(" ") || v.isEmpty())) {
            v = "\"" + v.replace("\"", "").replace("\u201c", "").replace("\u201d", "") + "\"";
        }
        return format.formatted(v);
    }
}

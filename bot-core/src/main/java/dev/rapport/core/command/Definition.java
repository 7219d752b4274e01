package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.i18n.Languages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a subcommand is, declared once in its constructor: its name and aliases, who may run it, what the audit records,
 * its typed arguments; its texts (the summary, the parameters' descriptions) are catalogue keys. Everything else is derived from these: the usage line people read, the
 * options Discord offers, the help, the authorization matrix's rows. Immutable; built with {@link #of} and the
 * {@code with…} methods.
 *
 * @param name the word after {@code /rapport}
 * @param aliases other words that run it
 * @param audience who may run it
 * @param audit what it does to pair-level data, for the audit log
 * @param parameters the arguments, in the order the command line takes them; coordinator commands also take the
 *     {@code programme} option, which {@link CommandService#parameters} adds
 */
public record Definition(
        String name, List<String> aliases, Audience audience, AuditKind audit, List<Parameter> parameters) {

    /**
     * The word that platforms which must nest subcommands (Discord allows 25 per level) put before every coordinator
     * command: {@code /rapport programme health}. The core accepts it on every platform, so the same words work
     * everywhere.
     */
    public static final String COORDINATOR_GROUP = "programme";

    public Definition {
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("a subcommand's name is lower case, up to 32 characters: " + name);
        }
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(audit, "audit");
        aliases = List.copyOf(aliases);
        String command = name;
        parameters = parameters.stream()
                .map(p -> p.descriptionKey() == null ? p.describedBy(optionKey(command, p.name())) : p)
                .toList();
        for (int i = 0; i < parameters.size() - 1; i++) {
            if (parameters.get(i).kind() == Parameter.Kind.REST) {
                throw new IllegalArgumentException("only the last parameter may take the rest of the line: " + name);
            }
        }
    }

    /** A subcommand with no aliases, no arguments and nothing for the audit. */
    public static Definition of(String name, Audience audience) {
        return new Definition(name, List.of(), audience, AuditKind.NONE, List.of());
    }

    public Definition withAliases(String... words) {
        return new Definition(name, List.of(words), audience, audit, parameters);
    }

    public Definition withAudit(AuditKind kind) {
        return new Definition(name, aliases, audience, kind, parameters);
    }

    public Definition withParameters(Parameter... arguments) {
        return new Definition(name, aliases, audience, audit, List.of(arguments));
    }

    /**
     * The catalogue key of its one line for the help and for Discord's command list: {@code command.<name>.summary}
     * (in {@code i18n/commands.properties}). At most 100 characters in every language, which Discord requires
     * ({@code SubcommandTextsIT} checks every subcommand in every shipped language).
     */
    public String summaryKey() {
        return String.join(".", "command", name, "summary");
    }

    /** The catalogue key of a parameter's own description: {@code command.<command>.option.<parameter>}. */
    static String optionKey(String command, String parameter) {
        return String.join(".", "command", command, "option", parameter);
    }

    /** The group a nesting platform lists it under: {@link #COORDINATOR_GROUP} for coordinator commands. */
    public Optional<String> group() {
        return audience == Audience.COORDINATOR ? Optional.of(COORDINATOR_GROUP) : Optional.empty();
    }

    /**
     * How to call it, derived from the parameters: {@code snooze <#pair | @person> [days]}. Required arguments are bare
     * (or in angle brackets when they offer a choice), optional ones in square brackets; the command and option words
     * stay as typed, the placeholders that are words are in {@code locale}'s language.
     */
    public String usage(Locale locale) {
        List<String> words = new ArrayList<>();
        words.add(name);
        for (Parameter p : parameters) {
            words.add(p.usage(locale));
        }
        return String.join(" ", words);
    }

    /** {@link #usage(Locale)} in English. */
    public String usage() {
        return usage(Languages.ENGLISH);
    }
}

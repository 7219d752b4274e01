package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code /rapport} subcommand. Each passes its {@link Definition} to this constructor, once; the accessors below
 * read from it. Implementations are Spring beans; {@link CommandService} finds them.
 */
public abstract class Subcommand {

    private final Definition definition;

    protected Subcommand(Definition definition) {
        this.definition = definition;
    }

    public final Definition definition() {
        return definition;
    }

    /** The word after {@code /rapport}. */
    public final String name() {
        return definition.name();
    }

    public final List<String> aliases() {
        return definition.aliases();
    }

    public final Audience audience() {
        return definition.audience();
    }

    /** How to call it, e.g. {@code pause YYYY-MM-DD}, derived from its parameters. */
    public final String usage() {
        return definition.usage();
    }

    /** How to call it, with placeholders in {@code locale}'s language ({@link Definition#usage(Locale)}). */
    public final String usage(Locale locale) {
        return definition.usage(locale);
    }

    /** The catalogue key of its one line for the help ({@link Definition#summaryKey()}). */
    public final String summaryKey() {
        return definition.summaryKey();
    }

    /** The arguments, in the order the command line takes them (see {@link Definition#parameters()}). */
    public final List<Parameter> parameters() {
        return definition.parameters();
    }

    /** What the command does to pair-level data: coordinators' reads and changes are recorded when it succeeds. */
    public final AuditKind audit() {
        return definition.audit();
    }

    /** The group platforms that nest subcommands list it under (see {@link Definition#group()}). */
    public final Optional<String> group() {
        return definition.group();
    }

    /** Runs the command; throws {@link CommandException} (or IllegalArgumentException) with a friendly message. */
    public abstract Reply run(CommandContext context);

    @Override
    public String toString() {
        return "/rapport " + name();
    }
}

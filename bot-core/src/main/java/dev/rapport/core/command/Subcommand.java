package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import java.util.List;

/** One {@code /rapport} subcommand. Implementations are Spring beans; {@link CommandService} finds them. */
public interface Subcommand {

    /** The word after {@code /rapport}. */
    String name();

    default List<String> aliases() {
        return List.of();
    }

    Audience audience();

    /** How to call it, e.g. {@code pause YYYY-MM-DD}. */
    String usage();

    /** One line for the help. */
    String summary();

    /**
     * The arguments, in the order the command line takes them, for adapters that offer typed options (Discord).
     * {@link #usage()} says the same for people; keep the two in step. The {@code programme} option of coordinator
     * commands is added by {@link CommandService#parameters(Subcommand)}, not listed here.
     */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * What the command does to pair-level data, for the audit: coordinators' reads and changes are recorded, with the
     * programme and the pair they concerned, each time the command succeeds.
     */
    default AuditKind audit() {
        return AuditKind.NONE;
    }

    /** Runs the command; throws {@link CommandException} (or IllegalArgumentException) with a friendly message. */
    Reply run(CommandContext context);
}

package dev.rapport.core.command;

import dev.rapport.core.audit.Audit;
import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.pair.PairService;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.programme.ProgrammeService;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs {@code /rapport} commands. Bad input gets a friendly private reply; an unexpected failure gets a
 * reference the operator can find in the log, and never a stack trace in chat.
 */
@Service
public class CommandService {

    private static final Logger log = LoggerFactory.getLogger(CommandService.class);

    private final Map<String, Subcommand> byName = new HashMap<>();
    private final List<Subcommand> subcommands;
    private final ProgrammeService programmes;
    private final ParticipantService participants;
    private final PairService pairs;
    private final Authority authority;
    private final Clock clock;
    private final Audit audit;

    CommandService(
            List<Subcommand> subcommands,
            ProgrammeService programmes,
            ParticipantService participants,
            PairService pairs,
            Authority authority,
            Clock clock,
            Audit audit) {
        this.subcommands = List.copyOf(subcommands);
        this.programmes = programmes;
        this.participants = participants;
        this.pairs = pairs;
        this.authority = authority;
        this.clock = clock;
        this.audit = audit;
        for (Subcommand s : subcommands) {
            register(s.name(), s);
            s.aliases().forEach(a -> register(a, s));
        }
    }

    private void register(String name, Subcommand s) {
        Subcommand previous = byName.put(name.toLowerCase(Locale.ROOT), s);
        if (previous != null) {
            throw new IllegalStateException(
                    "Two subcommands answer to " + name + ": " + previous.getClass() + " and " + s.getClass());
        }
    }

    /** Every subcommand, for help texts and for adapters that register typed commands (Discord). */
    public List<Subcommand> subcommands() {
        return subcommands;
    }

    /**
     * A subcommand's typed arguments as an adapter offers them: its own, and for coordinator commands a last,
     * optional {@code programme}, written as {@code programme="Name"}, for workspaces with several programmes.
     */
    public List<Parameter> parameters(Subcommand command) {
        if (command.audience() != Audience.COORDINATOR) {
            return command.parameters();
        }
        List<Parameter> all = new java.util.ArrayList<>(command.parameters());
        all.add(Parameter.optional("programme", Parameter.Kind.TEXT, "Which programme, if you coordinate several")
                .writtenAs("programme=%s"));
        return List.copyOf(all);
    }

    /** Records a coordinator's successful read or change of pair-level data, in the one place every command passes. */
    private void audit(Subcommand command, CommandContext context) {
        if (command.audit() == AuditKind.NONE || context.concernedProgramme() == null) {
            return;
        }
        context.participant()
                .ifPresent(me -> audit.record(
                        me.id(),
                        context.concernedProgramme().id(),
                        context.concernedPair() == null
                                ? null
                                : context.concernedPair().id(),
                        command.name(),
                        command.audit()));
    }

    public Reply handle(CommandRequest request) {
        // Someone who runs a command can be reached again, whatever the platform refused before.
        participants.markReachable(request.actor());
        // The language the platform reports for them (Discord's interaction locale) is kept for their messages.
        participants.platformLocale(request.actor(), request.actor().locale());
        // The name the platform gives the person acting is theirs; and what their roles allow is checked afresh.
        participants.actorNamed(request.actor());
        authority.revalidate(request.actor());
        List<String> tokens = Tokens.split(request.text());
        String name = tokens.isEmpty() ? "help" : tokens.get(0).toLowerCase(Locale.ROOT);
        Subcommand command = byName.get(name);
        if (command == null) {
            return Reply.privately(
                    "I don't know `/rapport " + tokens.get(0) + "`. Try `/rapport help` to see what you can do.");
        }
        CommandContext context = new CommandContext(
                request,
                command.name(),
                tokens.subList(Math.min(1, tokens.size()), tokens.size()),
                programmes,
                participants,
                pairs,
                authority,
                clock);
        try {
            if (command.audience() == Audience.COORDINATOR) {
                context.coordinatedProgramme(); // refuses anyone who coordinates nothing here, before any work
            }
            Reply reply = command.run(context);
            audit(command, context);
            return reply;
        } catch (CommandException | IllegalArgumentException e) {
            return Reply.privately(e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("/rapport {} failed (reference {})", command.name(), reference, e);
            return Reply.privately(
                    "Sorry, something went wrong on our side and the command did not finish. If it happens again, give your"
                            + " coordinator or administrator this reference: " + reference + ".");
        }
    }
}

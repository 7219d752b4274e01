package dev.rapport.core.command;

import dev.rapport.core.audit.AuditKind;
import dev.rapport.core.intervention.CoordinatorNotes;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code /rapport note <#pair | @person> <text>}: what a coordinator did or agreed about a pair, for the programme's
 * coordinators to read in {@code /rapport pair}.
 */
@Component
class NoteCommand extends Subcommand {

    private final PairLookup lookup;
    private final CoordinatorNotes notes;
    private final ObjectProvider<CommandService> commands;

    NoteCommand(PairLookup lookup, CoordinatorNotes notes, ObjectProvider<CommandService> commands) {
        super(Definition.of("note", Audience.COORDINATOR)
                .withAudit(AuditKind.CHANGE)
                .withParameters(
                        Parameter.required("pair", Parameter.Kind.PAIR).describedBy(Parameter.SHARED_PAIR),
                        Parameter.required("text", Parameter.Kind.REST)));
        this.lookup = lookup;
        this.notes = notes;
        this.commands = commands;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ProgrammeView programme = ctx.coordinatedProgramme();
        PairView pair = lookup.find(ctx, programme, ctx.arg(0));
        notes.add(pair.id(), ctx.requireParticipant().id(), ctx.rest(1));
        return Reply.privately(ctx.text(
                "command.note.done",
                "pair",
                lookup.describe(pair),
                "command",
                commands.getObject().written("pair #" + pair.id(), ctx.actor().platform())));
    }
}

package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.programme.ProgrammeService;
import dev.rapport.core.programme.ProgrammeView;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** {@code /rapport leave confirm}: stop every message and tell the coordinators. */
@Component
class LeaveCommand extends Subcommand {

    private final ParticipantService participants;
    private final ProgrammeService programmes;

    LeaveCommand(ParticipantService participants, ProgrammeService programmes) {
        super(Definition.of("leave", Audience.PARTICIPANT).withParameters(Parameter.confirm()));
        this.participants = participants;
        this.programmes = programmes;
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        if (!ctx.confirmed(0)) {
            // A programme whose only coordinator leaves keeps running with nobody to see its alerts: say so first.
            String alone = programmes.coordinatedBy(me.id()).stream()
                    .filter(p -> programmes.coordinatorIds(p.id()).size() == 1)
                    .map(ProgrammeView::name)
                    .collect(Collectors.joining(", "));
            return Reply.privately(
                    ctx.text("command.leave.confirm", "sole", alone.isEmpty() ? "no" : "yes", "alone", alone));
        }
        int ended = participants.leave(me.id());
        return Reply.privately(ctx.text("command.leave.done", "ended", ended));
    }
}

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
                    "Leaving ends your pairs, stops every message from Rapport and tells your coordinators."
                            + " Your past answers stay in the programme's records."
                            + (alone.isEmpty()
                                    ? ""
                                    : " You are the only coordinator of " + alone
                                            + ": add another first with `/rapport coordinator add @name`, or nobody will see its alerts.")
                            + " To go ahead, run `/rapport leave confirm`. To take a break instead, use `/rapport pause YYYY-MM-DD`.");
        }
        int ended = participants.leave(me.id());
        return Reply.privately("You have left Rapport" + (ended > 0 ? " and your " + ended + " pair(s) have ended" : "")
                + ". You won't hear from me again. Thank you for taking part. If you change your mind,"
                + " `/rapport rejoin` brings you back.");
    }
}

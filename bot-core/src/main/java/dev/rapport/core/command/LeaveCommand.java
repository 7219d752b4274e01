package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import org.springframework.stereotype.Component;

/** {@code /rapport leave confirm}: stop every message and tell the coordinators. */
@Component
class LeaveCommand implements Subcommand {

    private final ParticipantService participants;

    LeaveCommand(ParticipantService participants) {
        this.participants = participants;
    }

    @Override
    public String name() {
        return "leave";
    }

    @Override
    public Audience audience() {
        return Audience.PARTICIPANT;
    }

    @Override
    public String usage() {
        return "leave confirm";
    }

    @Override
    public String summary() {
        return "Leave Rapport: no more messages; your coordinators are told";
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        if (ctx.args().isEmpty() || !ctx.args().get(0).equalsIgnoreCase("confirm")) {
            return Reply.privately(
                    "Leaving ends your pairs, stops every message from Rapport and tells your coordinators."
                            + " Your past answers stay in the programme's records. To go ahead, run `/rapport leave confirm`."
                            + " To take a break instead, use `/rapport pause YYYY-MM-DD`.");
        }
        int ended = participants.leave(me.id());
        return Reply.privately("You have left Rapport" + (ended > 0 ? " and your " + ended + " pair(s) have ended" : "")
                + ". You won't hear from me again. Thank you for taking part.");
    }
}

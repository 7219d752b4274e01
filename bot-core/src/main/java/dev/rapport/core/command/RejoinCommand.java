package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import org.springframework.stereotype.Component;

/** {@code /rapport rejoin}: undo {@code /rapport leave}; coordinators may pair the person again. */
@Component
class RejoinCommand extends Subcommand {

    private final ParticipantService participants;

    RejoinCommand(ParticipantService participants) {
        super(Definition.of("rejoin", Audience.PARTICIPANT));
        this.participants = participants;
    }

    @Override
    public Reply run(CommandContext ctx) {
        ParticipantView me = ctx.participant().orElseThrow(() -> new CommandException("command.rejoin.error.unknown"));
        if (!participants.rejoin(me.id())) {
            return Reply.privately(ctx.text("command.rejoin.already"));
        }
        return Reply.privately(ctx.text("command.rejoin.done"));
    }
}

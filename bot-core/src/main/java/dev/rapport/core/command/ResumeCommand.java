package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import org.springframework.stereotype.Component;

/** {@code /rapport resume}: end a pause early. */
@Component
class ResumeCommand extends Subcommand {

    private final ParticipantService participants;

    ResumeCommand(ParticipantService participants) {
        super(Definition.of("resume", Audience.PARTICIPANT));
        this.participants = participants;
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        participants.resume(me.id());
        return Reply.privately(ctx.text("command.resume.done"));
    }
}

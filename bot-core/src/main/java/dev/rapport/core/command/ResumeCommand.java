package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import org.springframework.stereotype.Component;

/** {@code /rapport resume}: end a pause early. */
@Component
class ResumeCommand implements Subcommand {

    private final ParticipantService participants;

    ResumeCommand(ParticipantService participants) {
        this.participants = participants;
    }

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public Audience audience() {
        return Audience.PARTICIPANT;
    }

    @Override
    public String usage() {
        return "resume";
    }

    @Override
    public String summary() {
        return "End your pause now";
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        participants.resume(me.id());
        return Reply.privately("Welcome back: your check-ins resume on the next check-in day.");
    }
}

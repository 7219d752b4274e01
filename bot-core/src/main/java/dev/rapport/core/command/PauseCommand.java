package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** {@code /rapport pause 2026-12-31}: no check-ins or reminders until then. */
@Component
class PauseCommand extends Subcommand {

    private final ParticipantService participants;

    PauseCommand(ParticipantService participants) {
        super(Definition.of("pause", Audience.PARTICIPANT)
                .withParameters(Parameter.required("until", Parameter.Kind.DATE)));
        this.participants = participants;
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        LocalDate until = ctx.date(ctx.arg(0), me.zone());
        participants.pause(me.id(), until);
        return Reply.privately(ctx.text("command.pause.done", "until", until));
    }
}

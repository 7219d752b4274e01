package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport pause 2026-12-31}: no check-ins or reminders until then. */
@Component
class PauseCommand implements Subcommand {

    private final ParticipantService participants;

    PauseCommand(ParticipantService participants) {
        this.participants = participants;
    }

    @Override
    public String name() {
        return "pause";
    }

    @Override
    public Audience audience() {
        return Audience.PARTICIPANT;
    }

    @Override
    public String usage() {
        return "pause YYYY-MM-DD";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required("until", Parameter.Kind.DATE, "Last paused day, YYYY-MM-DD"));
    }

    @Override
    public String summary() {
        return "Pause your check-ins until a date (inclusive)";
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        LocalDate until = ctx.date(ctx.arg(0, usage()), me.zone());
        participants.pause(me.id(), until);
        return Reply.privately("Paused until " + until
                + " (inclusive). Nothing will be asked of you until then; `/rapport resume` ends the pause early.");
    }
}

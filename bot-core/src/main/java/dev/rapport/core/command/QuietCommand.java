package dev.rapport.core.command;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.participant.ParticipantService;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;

/** {@code /rapport quiet 22:00-08:00}: no messages in that window of your day; {@code quiet off} clears it. */
@Component
class QuietCommand extends Subcommand {

    private final ParticipantService participants;

    QuietCommand(ParticipantService participants) {
        super(Definition.of("quiet", Audience.PARTICIPANT)
                .withParameters(Parameter.required("hours", Parameter.Kind.TIME).shownAs("HH:MM-HH:MM | off")));
        this.participants = participants;
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        String spec = ctx.arg(0);
        if (spec.equalsIgnoreCase("off")) {
            participants.setQuietHours(me.id(), null);
            return Reply.privately(ctx.text("command.quiet.cleared"));
        }
        String[] parts = spec.split("-");
        try {
            if (parts.length != 2) {
                throw new DateTimeParseException("", spec, 0);
            }
            QuietHours quiet = new QuietHours(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])));
            participants.setQuietHours(me.id(), quiet);
            return Reply.privately(ctx.text(
                    "command.quiet.done",
                    "start",
                    quiet.start().toString(),
                    "end",
                    quiet.end().toString(),
                    "zone",
                    me.zone().getId()));
        } catch (DateTimeParseException e) {
            throw new CommandException("command.quiet.error");
        }
    }

    private static String pad(String t) {
        return t.length() == 4 ? "0" + t : t;
    }
}

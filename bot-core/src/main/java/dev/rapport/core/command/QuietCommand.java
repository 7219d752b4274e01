package dev.rapport.core.command;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.participant.ParticipantService;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport quiet 22:00-08:00}: no messages in that window of your day; {@code quiet off} clears it. */
@Component
class QuietCommand implements Subcommand {

    private final ParticipantService participants;

    QuietCommand(ParticipantService participants) {
        this.participants = participants;
    }

    @Override
    public String name() {
        return "quiet";
    }

    @Override
    public Audience audience() {
        return Audience.PARTICIPANT;
    }

    @Override
    public String usage() {
        return "quiet HH:MM-HH:MM | quiet off";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required("hours", Parameter.Kind.TIME, "HH:MM-HH:MM (e.g. 22:00-08:00), or off"));
    }

    @Override
    public String summary() {
        return "Set hours of your day when Rapport never writes";
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        String spec = ctx.arg(0, usage());
        if (spec.equalsIgnoreCase("off")) {
            participants.setQuietHours(me.id(), null);
            return Reply.privately("Quiet hours cleared.");
        }
        String[] parts = spec.split("-");
        try {
            if (parts.length != 2) {
                throw new DateTimeParseException("", spec, 0);
            }
            QuietHours quiet = new QuietHours(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])));
            participants.setQuietHours(me.id(), quiet);
            return Reply.privately("Quiet hours set: " + quiet.start() + "–" + quiet.end() + " in "
                    + me.zone().getId() + ". Anything due then waits until " + quiet.end() + ".");
        } catch (DateTimeParseException e) {
            throw new CommandException("Write quiet hours as HH:MM-HH:MM, e.g. `/rapport quiet 22:00-08:00`.");
        }
    }

    private static String pad(String t) {
        return t.length() == 4 ? "0" + t : t;
    }
}

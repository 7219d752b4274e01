package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code /rapport timezone Europe/Lisbon}: check-ins arrive at the programme's time in your zone. */
@Component
class TimezoneCommand implements Subcommand {

    private final ParticipantService participants;

    TimezoneCommand(ParticipantService participants) {
        this.participants = participants;
    }

    @Override
    public String name() {
        return "timezone";
    }

    @Override
    public Audience audience() {
        return Audience.PARTICIPANT;
    }

    @Override
    public String usage() {
        return "timezone Area/City";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.optional("zone", Parameter.Kind.TIME_ZONE, "Your time zone, e.g. America/Chicago"));
    }

    @Override
    public String summary() {
        return "Set your time zone (IANA name, e.g. Europe/Lisbon)";
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        if (ctx.args().isEmpty()) {
            return Reply.privately(
                    "Your time zone is " + me.zone().getId() + ". Change it with `/rapport timezone Area/City`.");
        }
        ZoneId zone = CommandContext.zone(ctx.arg(0, usage()));
        participants.setTimeZone(me.id(), zone);
        return Reply.privately("Done: your time zone is now " + zone.getId()
                + ". Check-ins arrive at the programme's time in that zone.");
    }
}

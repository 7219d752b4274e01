package dev.rapport.core.command;

import dev.rapport.core.participant.ParticipantService;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** {@code /rapport timezone Europe/Lisbon}: check-ins arrive at the programme's time in your zone. */
@Component
class TimezoneCommand extends Subcommand {

    private final ParticipantService participants;

    TimezoneCommand(ParticipantService participants) {
        super(Definition.of("timezone", Audience.PARTICIPANT)
                .withParameters(Parameter.optional("zone", Parameter.Kind.TIME_ZONE)));
        this.participants = participants;
    }

    @Override
    public Reply run(CommandContext ctx) {
        var me = ctx.requireParticipant();
        if (ctx.args().isEmpty()) {
            return Reply.privately(
                    "Your time zone is " + me.zone().getId() + ". Change it with `/rapport timezone Area/City`.");
        }
        ZoneId zone = CommandContext.zone(ctx.arg(0));
        participants.setTimeZone(me.id(), zone);
        return Reply.privately("Done: your time zone is now " + zone.getId()
                + ". Check-ins arrive at the programme's time in that zone.");
    }
}
